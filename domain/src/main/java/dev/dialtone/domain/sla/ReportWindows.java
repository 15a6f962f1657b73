package dev.dialtone.domain.sla;

import java.time.YearMonth;
import java.time.ZoneId;

/** Report windows on the real time line: a calendar month starts and ends at local midnight, DST included. */
public final class ReportWindows {

    private ReportWindows() {
    }

    /** The month in the agent's time zone: a DST month is an hour shorter (spring) or longer (autumn). */
    public static TimeSpan month(YearMonth month, ZoneId zone) {
        return new TimeSpan(month.atDay(1).atStartOfDay(zone).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
    }
}
