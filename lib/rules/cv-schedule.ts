import { WEEKDAYS } from "../topology/schema";
import type { DpNode } from "../topology/model";
import type { Report, Rule } from "./types";

const RECUR = ["daily", "weekly", "monthly"] as const;
const MONTH_DAY = /^(?:[1-9]|[12]\d|3[01]|last)$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A finding on one field of the DP's schedule; its path is built only here, for a report. */
function reportAt(report: Report, dp: DpNode, field: string, message: string, fix?: string): void {
  report({ object: dp.ref, path: [...dp.path, "contentValidation", "schedule", field], message, ...(fix ? { fix } : {}) });
}

const rule: Rule = {
  id: "CV-SCHEDULE",
  severity: "error",
  title: "A content-validation schedule is well formed: recur daily|weekly|monthly, a day that fits it, a time HH:MM.",
  value: "recur daily | weekly (day sunday…saturday) | monthly (day 1…31 or last); at 00:00–23:59",
  sources: ["S-CMDLET"],
  fix: 'Write the schedule as { recur: daily, at: "02:00" }, { recur: weekly, day: saturday, at: "02:00" } or { recur: monthly, day: "1" (or "last"), at: "02:00" }.',
  checkDps(dps, model, report) {
    for (const dp of dps) {
      const schedule = dp.doc.contentValidation?.schedule;
      if (!schedule) continue;
      const { recur, day, at } = schedule;
      if (!(RECUR as readonly string[]).includes(recur)) {
        reportAt(report, dp, "recur", `has content-validation recurrence "${recur}"; it is daily, weekly or monthly`);
      } else if (recur === "daily" && day !== undefined) {
        reportAt(report, dp, "day", `has a daily content-validation schedule with day "${day}"; a daily schedule takes no day`, "Remove day, or make the schedule weekly or monthly.");
      } else if (recur === "weekly" && !(WEEKDAYS as readonly string[]).includes(day ?? "")) {
        reportAt(
          report,
          dp,
          "day",
          day === undefined
            ? "has a weekly content-validation schedule without a day; a weekly schedule needs one (sunday … saturday)"
            : `has a weekly content-validation schedule on day "${day}"; a weekly schedule's day is sunday … saturday`,
          "Set day to a weekday, e.g. saturday.",
        );
      } else if (recur === "monthly" && !MONTH_DAY.test(day ?? "")) {
        reportAt(
          report,
          dp,
          "day",
          day === undefined
            ? 'has a monthly content-validation schedule without a day; a monthly schedule needs one ("1" … "31" or "last")'
            : `has a monthly content-validation schedule on day "${day}"; a monthly schedule's day is "1" … "31" or "last"`,
          'Set day to a day of the month, "1" … "31", or "last".',
        );
      }
      if (!TIME.test(at)) {
        reportAt(report, dp, "at", `runs content validation at "${at}"; the time is HH:MM on a 24-hour clock, 00:00 to 23:59`, 'Write the time as two-digit hours and minutes, e.g. "02:00" or "19:30".');
      }
    }
  },
};
export default rule;
