import type { DistributionPointDoc } from "../topology/schema";

export type ContentValidationSchedule = NonNullable<DistributionPointDoc["contentValidation"]>["schedule"];

const WEEKDAYS: Readonly<Record<string, string>> = {
  sunday: "Sunday",
  monday: "Monday",
  tuesday: "Tuesday",
  wednesday: "Wednesday",
  thursday: "Thursday",
  friday: "Friday",
  saturday: "Saturday",
};

/** What dp-role.ps1's New-ValidationSchedule turns into a New-CMSchedule call. */
export interface ScheduleData {
  /** daily → -RecurInterval Days; weekly → -DayOfWeek Day; monthly → -DayOfMonth Day; last → -LastDayOfMonth. */
  readonly Recur: "daily" | "weekly" | "monthly" | "last";
  readonly Day?: string;
  /** HH:MM, read with Get-Date: today at that time in the site server's local time. */
  readonly At: string;
}

/**
 * A content-validation schedule (topology-format: recur daily | weekly | monthly, day = weekday
 * for weekly, 1–31 or "last" for monthly, at = HH:MM). The CV-SCHEDULE rule rejects malformed
 * schedules first; this throws on them too.
 *
 * Time zone: the schedule token is created without -IsUtc, so the site runs it at that local
 * time; the console shows schedules in UTC (MEM "install-and-configure-distribution-points").
 */
export function scheduleData(schedule: ContentValidationSchedule): ScheduleData {
  const at = schedule.at.trim();
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(at)) throw new Error(`content validation time must be HH:MM (24 h): ${JSON.stringify(schedule.at)}`);
  const recur = schedule.recur.trim().toLowerCase();
  const day = schedule.day?.trim().toLowerCase();
  switch (recur) {
    case "daily":
      if (day !== undefined) throw new Error(`a daily content validation schedule takes no day: ${JSON.stringify(schedule.day)}`);
      return { Recur: "daily", At: at };
    case "weekly": {
      const weekday = day === undefined ? undefined : WEEKDAYS[day];
      if (!weekday) throw new Error(`a weekly content validation schedule needs a weekday: ${JSON.stringify(schedule.day)}`);
      return { Recur: "weekly", Day: weekday, At: at };
    }
    case "monthly": {
      if (day === "last") return { Recur: "last", At: at };
      const date = day !== undefined && /^\d{1,2}$/.test(day) ? Number(day) : NaN;
      if (!(date >= 1 && date <= 31)) {
        throw new Error(`a monthly content validation schedule needs a day 1-31 or "last": ${JSON.stringify(schedule.day)}`);
      }
      return { Recur: "monthly", Day: String(date), At: at };
    }
    default:
      throw new Error(`content validation recur must be daily, weekly or monthly: ${JSON.stringify(schedule.recur)}`);
  }
}
