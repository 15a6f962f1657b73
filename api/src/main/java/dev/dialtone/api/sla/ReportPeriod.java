package dev.dialtone.api.sla;

import dev.dialtone.api.web.FieldError;
import dev.dialtone.api.web.InvalidRequestException;
import dev.dialtone.domain.sla.ReportWindows;
import dev.dialtone.domain.sla.TimeSpan;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a report covers: a calendar month (resolved in each agent's own time zone) or an explicit [from, to), and
 * the "as of" time (default, and at most, now). Parsed from request parameters with every mistake named.
 *
 * @param latest whether the report counts everything known (no asOf, or one not in the past)
 */
public record ReportPeriod(YearMonth month, Instant from, Instant to, Instant asOf, boolean latest) {

    static final Duration MAX_LENGTH = Duration.ofDays(400);

    public static ReportPeriod parse(String month, String from, String to, String asOf, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        YearMonth yearMonth = null;
        if (month != null) {
            try {
                yearMonth = YearMonth.parse(month);
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("month", "must be a month such as 2026-11"));
            }
            if (from != null || to != null) {
                errors.add(new FieldError("month", "give either month or from and to, not both"));
            }
        }
        Instant start = instant(from, "from", errors);
        Instant end = instant(to, "to", errors);
        Instant asOfTime = asOf == null ? now : instant(asOf, "asOf", errors);
        if (month == null) {
            if (from == null) {
                errors.add(new FieldError("from", "is required without month (or give month=YYYY-MM)"));
            }
            if (to == null) {
                errors.add(new FieldError("to", "is required without month (or give month=YYYY-MM)"));
            }
            if (start != null && end != null) {
                if (!end.isAfter(start)) {
                    errors.add(new FieldError("to", "must be after from"));
                } else if (Duration.between(start, end).compareTo(MAX_LENGTH) > 0) {
                    errors.add(new FieldError("to", "a report may cover at most " + MAX_LENGTH.toDays() + " days"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        boolean latest = !asOfTime.isBefore(now);
        return new ReportPeriod(yearMonth, start, end, latest ? now : asOfTime, latest);
    }

    /** The window for an agent in {@code zone}. */
    public TimeSpan window(ZoneId zone) {
        return month != null ? ReportWindows.month(month, zone) : new TimeSpan(from, to);
    }

    private static Instant instant(String text, String name, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be an ISO-8601 timestamp with an offset, e.g. 2026-11-01T00:00:00Z"));
            return null;
        }
    }
}
