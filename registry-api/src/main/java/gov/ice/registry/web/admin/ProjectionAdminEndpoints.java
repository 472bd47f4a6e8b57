package gov.ice.registry.web.admin;

import gov.ice.registry.projection.processing.ProjectionRebuilder;
import gov.ice.registry.projection.processing.ProjectionRebuilder.ProjectionStatus;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Rebuilds a read model from the ledger ({@code POST /api/admin/projections/{name}/rebuild}: 202,
 * the replay runs in the background; 409 while one runs) and shows where each stands
 * ({@code GET /api/admin/projections}: name, position, lag, caughtUp, rebuilding; and, for a read model
 * whose batches fail, failing, failedAttempts, failingSince, lastError, lastFailureAt).
 * Names: {@code repository}, {@code reviews}, {@code exigent}, {@code notices}, {@code audit}.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
public class ProjectionAdminEndpoints {

  private final ProjectionRebuilder rebuilder;

  public ProjectionAdminEndpoints(ProjectionRebuilder rebuilder) {
    this.rebuilder = rebuilder;
  }

  @PostMapping("/api/admin/projections/{name}/rebuild")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public Mono<ProjectionStatus> rebuild(@PathVariable String name) {
    return rebuilder.rebuild(name).switchIfEmpty(Mono.error(() -> new UnknownProjection(name, rebuilder.names())));
  }

  @GetMapping("/api/admin/projections")
  public Mono<List<ProjectionStatus>> statuses() {
    return rebuilder.statuses();
  }
}
