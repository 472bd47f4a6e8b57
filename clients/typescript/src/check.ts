// A strict TypeScript client of the registry, generated from the committed OpenAPI document
// (openapi-typescript) and called through openapi-fetch: the lifecycle, a filtered search that
// reads its own write, the evidence bundle, and one problem per error status it can provoke.
// No casts, no non-null assertions: where the types say a value may be absent or null, the code
// checks. TypeScriptClientIT runs it against a registry: REGISTRY_URL, REGISTRY_PASSWORD,
// REGISTRY_ADMIN_PASSWORD; and, where REGISTRY_STRICT_URL names a second registry that requires
// If-Match and throttles sign-ins after REGISTRY_FAILURES_BEFORE_THROTTLE wrong passwords, the 428
// and the 429 there. Run as `node dist/check.js outage` once that registry's ledger is down, it
// checks the 503 only. Exit status 0 means every check held.
import createClient from "openapi-fetch";
import type { components, paths } from "./registry.js";

type Summary = components["schemas"]["AgreementSummary"];
type Problem = components["schemas"]["Problem"];
type DraftRequest = components["schemas"]["DraftRequest"];
type Office = components["schemas"]["RequiredStakeholder"]["office"];

const baseUrl = process.env.REGISTRY_URL ?? "http://localhost:8080";
const password = process.env.REGISTRY_PASSWORD ?? "registry";
const adminPassword = process.env.REGISTRY_ADMIN_PASSWORD ?? "admin-secret";
const STATE_PARTY = "Texas Department of Public Safety";

const strictUrl = process.env.REGISTRY_STRICT_URL;
const failuresBeforeThrottle = Number(process.env.REGISTRY_FAILURES_BEFORE_THROTTLE ?? "2");

function as(username: string, secret: string = username === "adam" ? adminPassword : password, url: string = baseUrl) {
  const authorization = "Basic " + Buffer.from(`${username}:${secret}`).toString("base64");
  return createClient<paths>({ baseUrl: url, headers: { Authorization: authorization } });
}

function check(condition: boolean, what: string): asserts condition {
  if (!condition) {
    throw new Error("check failed: " + what);
  }
}

function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) {
    throw new Error("missing: " + what);
  }
  return value;
}

const STAKEHOLDERS: Record<Office, string> = {
  IGP: "sam-igp",
  OPP: "sam-opp",
  IGP_RECORDS: "sam-records",
  IGP_PRIVACY: "sam-privacy",
  OPR: "sam-opr",
  OPR_SD_SMOU: "sam-smou",
  HSI_INTEL: "sam-intel",
  HSI_LEISI: "sam-leisi",
  HSI_IO: "sam-io",
  OPLA: "olivia-opla",
  ODCR: "sam-odcr",
  OCIO: "sam-ocio",
};

function today(): string {
  return new Date().toLocaleDateString("en-CA", { timeZone: "America/New_York" });
}

function draft(title: string): DraftRequest {
  return {
    title,
    kind: "MOU",
    owningDirectorate: "HSI",
    parties: [{ name: STATE_PARTY, kind: "STATE", country: "US", intelligenceCommunity: false }],
    categories: ["LAW_ENFORCEMENT"],
    dataProfile: { pii: true, marking: "CUI", novelLegalIssue: true },
    terms: {
      purpose: "Help the partner identify removable aliens in its custody before release.",
      useAlignment: "ICE collected the information to enforce the law; the partner uses it for the same purpose.",
      authorities: "8 U.S.C. 1103 and 1357; 6 U.S.C. 482.",
      missionNeeds: "Identify removable aliens in state custody before their release.",
      sharingRequirements: "ICE answers one request at a time.",
      dataDescription: "Name, date of birth, alien registration number and immigration status of each subject.",
      responsibilities: "HSI answers requests within one business day; the partner limits access to vetted personnel.",
      systems: "The ICE Law Enforcement Support Center, queried over Nlets.",
      pointsOfContact: [{ name: "Jordan Rivera", email: "jordan.rivera@ice.example", phone: "+1-202-555-0142", party: "ICE" }],
      safeguards: "Access is logged and limited to a need to know.",
      retention: "Kept no longer than 90 days.",
      classificationMarkings: "Every record is marked CUI.",
      dissemination: "Within the partner only.",
      auditReporting: "Queries are audited quarterly.",
      effectiveDate: "2026-01-15",
      terminationDate: "2030-01-14",
      terminationNoticeDays: 30,
      informationSecurity: "FISMA moderate baseline.",
      disposition: "Destroyed at the end of retention.",
    },
  };
}

function expectProblem(problem: Problem | undefined, response: Response, status: number, what: string): Problem {
  check(response.status === status, `${what}: ${status} expected, ${response.status} answered`);
  const body = required(problem, `${what}: a problem body`);
  check(body.status === status, `${what}: the problem's status`);
  check(body.type.length > 0 && body.title.length > 0, `${what}: type and title`);
  check((response.headers.get("Content-Type") ?? "").startsWith("application/problem+json"), `${what}: problem+json`);
  return body;
}

async function lifecycle(token: string): Promise<{ id: string; position: number; etag: string }> {
  const pat = as("pat");
  const drafted = await pat.POST("/api/agreements", { body: draft(`Sharing checked by the TypeScript client ${token}`) });
  check(drafted.response.status === 201, `draft: 201, got ${drafted.response.status}`);
  const summary: Summary = required(drafted.data, "the draft's summary");
  const id = summary.id;
  check(summary.status === "DRAFT", "a new agreement is a draft");
  let etag = required(drafted.response.headers.get("ETag"), "the draft's ETag");
  check(drafted.response.headers.get("Location") === `/api/agreements/${id}`, "Location");

  for (const stakeholder of summary.requiredStakeholders) {
    const concurred = await as(STAKEHOLDERS[stakeholder.office]).POST("/api/agreements/{id}/concurrences", {
      params: { path: { id }, header: { "If-Match": etag } },
      body: { office: stakeholder.office, decision: "CONCUR", draftVersion: summary.draftVersion, comment: "Concur." },
    });
    check(concurred.response.status === 200, `concurrence of ${stakeholder.office}: ${concurred.response.status}`);
    etag = required(concurred.response.headers.get("ETag"), "the concurrence's ETag");
  }

  const requested = await pat.POST("/api/agreements/{id}/clearance-request", { params: { path: { id }, header: { "If-Match": etag } } });
  check(required(requested.data, "clearance request").status === "IN_CLEARANCE", "in clearance");
  const cleared = await as("ivy").POST("/api/agreements/{id}/clearance", {
    params: { path: { id } },
    body: { decision: "CLEARED", comment: "Cleared." },
  });
  let status = required(cleared.data, "clearance").status;
  if (status !== "CLEARED") {
    const reviewed = await as("olivia-opla").POST("/api/agreements/{id}/legal-review", {
      params: { path: { id } },
      body: { legallySufficient: true, comment: "Legally sufficient." },
    });
    status = required(reviewed.data, "legal review").status;
  }
  check(status === "CLEARED", `cleared, not ${status}`);

  const iceSigned = await as("sig-hsi-ead").POST("/api/agreements/{id}/signatures", {
    params: { path: { id } },
    body: { party: "ICE", authority: "HSI_EAD", signatoryName: "Hana Executive", position: "Executive Associate Director", signedOn: today() },
  });
  check(required(iceSigned.data, "ICE's signature").status === "CLEARED", "still CLEARED after ICE signs");
  const executed = await pat.POST("/api/agreements/{id}/signatures", {
    params: { path: { id } },
    body: { party: STATE_PARTY, signatoryName: "Casey Colonel", position: "Director", signedOn: today() },
  });
  const signed = required(executed.data, "the partner's signature");
  // EXECUTED_COPY_ON_FILE: every signature is given, and the agreement waits for its executed copy.
  check(signed.status === "CLEARED", `CLEARED until the executed copy is on file, not ${signed.status}`);
  const attached = await pat.POST("/api/agreements/{id}/documents", {
    params: { path: { id } },
    body: { kind: "EXECUTED_COPY", file: `Executed agreement ${token}, signed by ICE and by ${STATE_PARTY}.\n` },
    bodySerializer: (upload) => {
      const form = new FormData();
      form.append("kind", upload.kind);
      form.append("file", new Blob([upload.file], { type: "text/plain" }), "executed-copy.txt");
      return form;
    },
  });
  check(attached.response.status === 201, `the executed copy: 201, got ${attached.response.status}`);
  check(required(attached.data, "the attached document").kind === "EXECUTED_COPY", "recorded as the executed copy");
  const position = Number(required(attached.response.headers.get("X-Registry-Position"), "X-Registry-Position"));
  check(Number.isSafeInteger(position) && position > 0, "a ledger position");
  // The agreement itself is read from the ledger: no position to wait for.
  const read = await as("audrey").GET("/api/agreements/{id}", { params: { path: { id } } });
  const active = required(read.data, "the agreement after its executed copy");
  check(active.status === "ACTIVE", `ACTIVE once the executed copy is on file, not ${active.status}`);
  return { id, position, etag: required(read.response.headers.get("ETag"), "the ETag once ACTIVE") };
}

async function searchReadsItsOwnWrite(id: string, token: string, position: number): Promise<void> {
  const found = await as("audrey").GET("/api/agreements", {
    params: { query: { status: ["ACTIVE"], q: token }, header: { "X-Registry-Position": position } },
  });
  const page = required(found.data, "the search's answer");
  const item = page.items.find((candidate) => candidate.id === id);
  check(item !== undefined, "the search finds the agreement it just made ACTIVE, without polling");
  check(item.status === "ACTIVE", "as ACTIVE");
  // Nullable in the document, so the type makes the client say what it does with null.
  const reference: string = item.externalReference ?? "(none)";
  check(reference === "(none)", "a drafted agreement has no external reference");
  check(page.total >= 1, "a total");
}

async function evidence(id: string): Promise<void> {
  const recorded = await as("adam").POST("/api/ledger/checkpoints", {});
  check(recorded.response.status === 201, `a checkpoint: 201, got ${recorded.response.status}`);
  const checkpoint = required(recorded.data, "the checkpoint");
  check(checkpoint.root.length === 64, "a SHA-256 root");
  const answer = required((await as("audrey").GET("/api/agreements/{id}/evidence", { params: { path: { id } } })).data, "the bundle");
  // The document also declares the ZIP that include=documents answers; without it the answer is the JSON bundle.
  check(typeof answer !== "string", "the bundle as JSON, not as a ZIP");
  const bundle = answer;
  check(bundle.format === "isaa-evidence-bundle/1", "the bundle's format");
  check(bundle.agreementId === id, "the bundle's agreement");
  check(bundle.events.length >= 2, "the agreement's events");
  const first = required(bundle.events[0], "a first event");
  check(first.type.endsWith(".AgreementDrafted"), `drafted first, not ${first.type}`);
  check(bundle.inclusionProof.treeSize >= bundle.events.length, "an inclusion proof");
}

async function problems(id: string, staleEtag: string): Promise<void> {
  const pat = as("pat");
  const invalid = await pat.POST("/api/agreements", { body: { ...draft("x"), title: "" } });
  const body400 = expectProblem(invalid.error, invalid.response, 400, "a blank title");
  check((body400.violations ?? []).some((violation) => violation.field === "title"), "the violation names the title");

  const wrongPassword = await as("pat", "not-the-password").GET("/api/agreements/{id}", { params: { path: { id } } });
  expectProblem(wrongPassword.error, wrongPassword.response, 401, "a wrong password");

  const igpDrafts = await as("ivy").POST("/api/agreements", { body: draft("Not IGP's to draft") });
  expectProblem(igpDrafts.error, igpDrafts.response, 403, "IGP drafting");

  const unknown = await as("audrey").GET("/api/agreements/{id}", { params: { path: { id: "00000000-0000-4000-8000-000000000000" } } });
  expectProblem(unknown.error, unknown.response, 404, "an unknown agreement");

  const notAcceptable = await as("audrey").GET("/api/agreements/{id}", { params: { path: { id } }, headers: { Accept: "text/html" } });
  expectProblem(notAcceptable.error, notAcceptable.response, 406, "Accept: text/html");

  const refused = await pat.POST("/api/agreements/{id}/clearance-request", { params: { path: { id } } });
  const body409 = expectProblem(refused.error, refused.response, 409, "clearance for an ACTIVE agreement");
  check(body409.type.endsWith("/wrong-status"), `a wrong-status refusal, not ${body409.type}`);

  const stale = await pat.POST("/api/agreements/{id}/reviews", {
    params: { path: { id }, header: { "If-Match": staleEtag } },
    body: {
      reviewedOn: today(),
      outcome: "CONTINUE",
      findings: { missionSupported: true, termsCompliant: true, partiesAdhere: true, trainingCurrent: true, contactsCurrent: true },
      comment: "Still needed.",
    },
  });
  expectProblem(stale.error, stale.response, 412, "a stale If-Match");

  const huge = await pat.POST("/api/agreements", { body: draft("x".repeat(2 * 1024 * 1024)) });
  expectProblem(huge.error, huge.response, 413, "a 2 MB body");

  const notJson = await pat.POST("/api/agreements", { body: draft("Sent as text"), headers: { "Content-Type": "text/plain" } });
  expectProblem(notJson.error, notJson.response, 415, "a text/plain body");

  // A method the document has no operation for cannot be written with the typed client; plain fetch it is.
  const authorization = "Basic " + Buffer.from(`audrey:${password}`).toString("base64");
  const deleted = await fetch(`${baseUrl}/api/agreements/${id}`, { method: "DELETE", headers: { Authorization: authorization } });
  check(deleted.status === 405, `DELETE: 405, got ${deleted.status}`);
  check((deleted.headers.get("Allow") ?? "").includes("GET"), "405 names the allowed methods in Allow");
}

function retryAfter(response: Response, what: string): number {
  const seconds = Number(required(response.headers.get("Retry-After"), `${what}: Retry-After`));
  check(Number.isSafeInteger(seconds) && seconds >= 1, `${what}: Retry-After in whole seconds`);
  return seconds;
}

// 428 where the registry requires If-Match, 429 once a user's sign-ins are throttled.
async function strictProblems(url: string): Promise<void> {
  const pat = as("pat", password, url);
  const drafted = await pat.POST("/api/agreements", { body: draft("A registry that requires If-Match") });
  check(drafted.response.status === 201, `a draft needs no If-Match: 201, got ${drafted.response.status}`);
  const id = required(drafted.data, "the draft on the strict registry").id;
  const missing = await pat.POST("/api/agreements/{id}/clearance-request", { params: { path: { id } } });
  const body428 = expectProblem(missing.error, missing.response, 428, "a command without If-Match");
  check(body428.type.endsWith("/precondition-required"), `precondition-required, not ${body428.type}`);
  check((body428.violations ?? []).some((violation) => violation.field === "If-Match"), "the problem names If-Match");
  const withIt = await pat.POST("/api/agreements/{id}/withdrawal", {
    params: { path: { id }, header: { "If-Match": required(drafted.response.headers.get("ETag"), "the draft's ETag") } },
    body: { reason: "Drafted only to check If-Match." },
  });
  check(withIt.response.status === 200, `the same kind of command with If-Match: 200, got ${withIt.response.status}`);

  for (let attempt = 0; attempt < failuresBeforeThrottle; attempt++) {
    const wrong = await as("nora", `guess-${attempt}`, url).GET("/api/agreements/{id}", { params: { path: { id } } });
    expectProblem(wrong.error, wrong.response, 401, `wrong password ${attempt + 1}`);
  }
  const throttled = await as("nora", password, url).GET("/api/agreements/{id}", { params: { path: { id } } });
  const body429 = expectProblem(throttled.error, throttled.response, 429, "the right password once throttled");
  check(body429.type.endsWith("/too-many-sign-ins"), `too-many-sign-ins, not ${body429.type}`);
  retryAfter(throttled.response, "429");
}

// 503 while the registry's ledger is down: nothing recorded, retry later.
async function outage(url: string): Promise<void> {
  const down = await as("pat", password, url).POST("/api/agreements", { body: draft("Sent while the ledger is down") });
  const body503 = expectProblem(down.error, down.response, 503, "a draft while the ledger is down");
  check(body503.type.endsWith("/store-unavailable"), `store-unavailable, not ${body503.type}`);
  retryAfter(down.response, "503");
}

async function main(): Promise<void> {
  if (process.argv[2] === "outage") {
    const url = required(strictUrl, "REGISTRY_STRICT_URL");
    await outage(url);
    console.log(`typescript client: 503 checked against ${url}`);
    return;
  }
  const token = "TS" + Math.random().toString(36).slice(2, 12).toUpperCase();
  const drafted = await lifecycle(token);
  await searchReadsItsOwnWrite(drafted.id, token, drafted.position);
  await evidence(drafted.id);
  await problems(drafted.id, drafted.etag === '"1"' ? '"2"' : '"1"');
  if (strictUrl !== undefined) {
    await strictProblems(strictUrl);
    console.log(`typescript client: 428 and 429 checked against ${strictUrl}`);
  }
  console.log(`typescript client: lifecycle, search, evidence and problems checked against ${baseUrl} (${drafted.id})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
