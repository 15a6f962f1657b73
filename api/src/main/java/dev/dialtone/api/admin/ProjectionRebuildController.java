package dev.dialtone.api.admin;

import dev.dialtone.api.web.Blocking;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code POST} starts a rebuild of the read models (202, or 409 while one runs); {@code GET} tells how far it is. */
@RestController
public class ProjectionRebuildController {

    static final String PATH = "/api/v1/admin/projections/rebuild";

    private final ProjectionRebuild rebuild;

    public ProjectionRebuildController(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping(PATH)
    public Mono<ResponseEntity<RebuildStatus>> start() {
        return Blocking.call(rebuild::start)
                .map(status -> ResponseEntity.status(HttpStatus.ACCEPTED).header("Location", PATH).body(status));
    }

    @GetMapping(PATH)
    public Mono<RebuildStatus> status() {
        return Blocking.call(rebuild::status);
    }
}
