// Initiates the three-member replica set rs0 once; run again, it only waits for a primary.
try {
  rs.status();
} catch (e) {
  rs.initiate({
    _id: "rs0",
    members: [
      { _id: 0, host: "mongo1:27017" },
      { _id: 1, host: "mongo2:27017" },
      { _id: 2, host: "mongo3:27017" }
    ]
  });
}
const deadline = Date.now() + 120000;
while (!db.hello().isWritablePrimary && !db.hello().primary) {
  if (Date.now() > deadline) {
    throw new Error("no primary in rs0 after 120 s");
  }
  sleep(1000);
}
print("rs0 has a primary: " + db.hello().primary);
