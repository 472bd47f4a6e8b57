package gov.ice.registry.web.admin;

import gov.ice.registry.notice.NoticeJob;
import gov.ice.registry.notice.NoticeRunReport;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code POST /api/admin/notices/run}: runs the review-due and deadline job now and answers what
 * it did. Safe to call at any time, also while the schedule runs: each notice is recorded once.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
public class NoticeAdminEndpoint {

  private final NoticeJob job;

  public NoticeAdminEndpoint(NoticeJob job) {
    this.job = job;
  }

  /** The command bus handles commands on the calling thread (JDBC): the run goes off the event loop. */
  @PostMapping("/api/admin/notices/run")
  public Mono<NoticeRunReport> run() {
    return job.run().subscribeOn(Schedulers.boundedElastic());
  }
}
