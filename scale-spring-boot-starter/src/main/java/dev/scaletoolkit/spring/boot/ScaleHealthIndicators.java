package dev.scaletoolkit.spring.boot;

/**
 * The health indicator for each Boot line. Boot 4 moved the health API from
 * {@code org.springframework.boot.actuate.health} to {@code org.springframework.boot.health.contributor}; each
 * class here implements one of them and is only loaded when its API is on the class path.
 */
public final class ScaleHealthIndicators {
    private ScaleHealthIndicators() {}

    /** For Spring Boot 3.x (Actuator's {@code org.springframework.boot.actuate.health}). */
    public static final class Boot3 implements org.springframework.boot.actuate.health.HealthIndicator {
        private final ScaleHealthCheck check;

        /**
         * An indicator over one check.
         *
         * @param check what to run
         */
        public Boot3(ScaleHealthCheck check) {
            this.check = check;
        }

        @Override
        public org.springframework.boot.actuate.health.Health health() {
            ScaleHealthCheck.Result result = check.check();
            org.springframework.boot.actuate.health.Health.Builder builder = result.up()
                    ? org.springframework.boot.actuate.health.Health.up()
                    : org.springframework.boot.actuate.health.Health.down();
            return builder.withDetails(result.details()).build();
        }
    }

    /** For Spring Boot 4.x ({@code org.springframework.boot.health.contributor}). */
    public static final class Boot4 implements org.springframework.boot.health.contributor.HealthIndicator {
        private final ScaleHealthCheck check;

        /**
         * An indicator over one check.
         *
         * @param check what to run
         */
        public Boot4(ScaleHealthCheck check) {
            this.check = check;
        }

        @Override
        public org.springframework.boot.health.contributor.Health health() {
            ScaleHealthCheck.Result result = check.check();
            org.springframework.boot.health.contributor.Health.Builder builder = result.up()
                    ? org.springframework.boot.health.contributor.Health.up()
                    : org.springframework.boot.health.contributor.Health.down();
            return builder.withDetails(result.details()).build();
        }
    }
}
