package gov.ice.registry.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The benchmark's arguments: {@code --agreements N --stores h2,postgres --seconds S --samples K --import-rows R --verify-events V --server-jvm "..." --only import|search|restart --data DIR --load-minutes M}. */
record Options(long agreements, List<String> stores, int seconds, int samples, int importRows, int rawBulkDocuments,
    int catchUpMinutes, int verifyEvents, List<String> serverJvm, String only, String data, int loadMinutes, int documents) {

  Options(long agreements, List<String> stores, int seconds, int samples, int importRows, int rawBulkDocuments,
      int catchUpMinutes, int verifyEvents, List<String> serverJvm, String only) {
    this(agreements, stores, seconds, samples, importRows, rawBulkDocuments, catchUpMinutes, verifyEvents, serverJvm, only, "", 0, 1_000);
  }

  static Options parse(String[] args) {
    long agreements = 100_000;
    List<String> stores = List.of("h2", "postgres");
    int seconds = 10;
    int samples = 200;
    int importRows = 10_000;
    int rawBulk = 20_000;
    int catchUp = 60;
    int verifyEvents = 200_000;
    List<String> jvm = List.of("-Xmx1g");
    String only = "";
    String data = "";
    int loadMinutes = 0;
    int documents = 1_000;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--agreements" -> agreements = Long.parseLong(value.replace("_", ""));
        case "--stores" -> stores = Arrays.asList(value.split(","));
        case "--seconds" -> seconds = Integer.parseInt(value);
        case "--samples" -> samples = Integer.parseInt(value);
        case "--import-rows" -> importRows = Integer.parseInt(value);
        case "--raw-bulk-documents" -> rawBulk = Integer.parseInt(value);
        case "--catch-up-minutes" -> catchUp = Integer.parseInt(value);
        case "--verify-events" -> verifyEvents = Integer.parseInt(value.replace("_", ""));
        case "--server-jvm" -> jvm = new ArrayList<>(Arrays.asList(value.trim().split("\\s+")));
        case "--only" -> only = value;
        case "--data" -> data = value;
        case "--load-minutes" -> loadMinutes = Integer.parseInt(value);
        case "--documents" -> documents = Integer.parseInt(value.replace("_", ""));
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; use --agreements N --stores h2,postgres --seconds S --samples K --import-rows R --verify-events V --server-jvm \"-Xmx1g\" --only import|reads|search|restart|documents --data DIR --load-minutes M --documents D");
      }
      i++;
    }
    return new Options(agreements, stores, seconds, samples, importRows, rawBulk, catchUp, verifyEvents, jvm, only, data, loadMinutes, documents);
  }
}
