import type { DistributionPointDoc } from "../topology/schema";
import { psInt, psQuote } from "./quote";

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

/**
 * The `New-CMSchedule …` call for a content-validation schedule (topology-format: recur daily |
 * weekly | monthly, day = weekday for weekly, 1–31 or "last" for monthly, at = HH:MM):
 * daily → every 1 day; weekly → that weekday every week; monthly → that date (or the last day)
 * every month. The CV-SCHEDULE rule rejects malformed schedules first; this throws on them too.
 *
 * Time zone: `Get-Date 'HH:MM'` is today at that time in the site server's local time, and the
 * schedule token is created without -IsUtc, so the site runs it at that local time; the console
 * shows schedules in UTC (MEM "install-and-configure-distribution-points"), so 02:00 there may
 * read differently.
 */
export function newCmScheduleCall(schedule: ContentValidationSchedule): string {
  const at = schedule.at.trim();
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(at)) throw new Error(`content validation time must be HH:MM (24 h): ${JSON.stringify(schedule.at)}`);
  const start = `-Start (Get-Date ${psQuote(at)})`;
  const recur = schedule.recur.trim().toLowerCase();
  const day = schedule.day?.trim().toLowerCase();
  switch (recur) {
    case "daily":
      if (day !== undefined) throw new Error(`a daily content validation schedule takes no day: ${JSON.stringify(schedule.day)}`);
      return `New-CMSchedule -RecurInterval Days -RecurCount 1 ${start} -ErrorAction Stop`;
    case "weekly": {
      const weekday = day === undefined ? undefined : WEEKDAYS[day];
      if (!weekday) throw new Error(`a weekly content validation schedule needs a weekday: ${JSON.stringify(schedule.day)}`);
      return `New-CMSchedule -DayOfWeek ${weekday} -RecurCount 1 ${start} -ErrorAction Stop`;
    }
    case "monthly": {
      if (day === "last") return `New-CMSchedule -LastDayOfMonth -RecurCount 1 ${start} -ErrorAction Stop`;
      const date = day !== undefined && /^\d{1,2}$/.test(day) ? Number(day) : NaN;
      if (!(date >= 1 && date <= 31)) {
        throw new Error(`a monthly content validation schedule needs a day 1-31 or "last": ${JSON.stringify(schedule.day)}`);
      }
      return `New-CMSchedule -DayOfMonth ${psInt(date)} -RecurCount 1 ${start} -ErrorAction Stop`;
    }
    default:
      throw new Error(`content validation recur must be daily, weekly or monthly: ${JSON.stringify(schedule.recur)}`);
  }
}
