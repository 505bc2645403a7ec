import rule from "../../lib/rules/cv-schedule";
import { dpWith } from "../fixtures/builders-pull";
import { labDoc } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

const schedule = (recur: string, day: string | undefined, at: string) =>
  dpWith({ contentValidation: { schedule: { recur, ...(day !== undefined ? { day } : {}), at } } });
const base = "distributionPoints[0].contentValidation.schedule";

ruleTester(rule, {
  valid: [
    { name: "the seed lab: weekly, saturday, 02:00", doc: labDoc() },
    { name: "daily at 00:00", doc: schedule("daily", undefined, "00:00") },
    { name: "weekly on Sunday at 23:59 (case-insensitive)", doc: schedule("Weekly", "SUNDAY", "23:59") },
    { name: "monthly on the 1st", doc: schedule("monthly", "1", "19:00") },
    { name: "monthly on the 31st", doc: schedule("monthly", "31", "19:00") },
    { name: "monthly on the last day", doc: schedule("monthly", "Last", "19:00") },
  ],
  invalid: [
    {
      name: "hourly",
      doc: schedule("hourly", undefined, "02:00"),
      errors: [{ object: "dp:dp1.contoso.com", path: `${base}.recur`, message: ['"hourly"', "daily, weekly or monthly"] }],
    },
    { name: "daily with a day", doc: schedule("daily", "monday", "02:00"), errors: [{ path: `${base}.day`, message: "takes no day" }] },
    { name: "weekly without a day", doc: schedule("weekly", undefined, "02:00"), errors: [{ path: `${base}.day`, message: "without a day" }] },
    { name: "weekly on a date", doc: schedule("weekly", "15", "02:00"), errors: [{ path: `${base}.day`, message: "sunday … saturday" }] },
    { name: "weekly on 'sat'", doc: schedule("weekly", "sat", "02:00"), errors: [{ path: `${base}.day` }] },
    { name: "monthly on the 32nd", doc: schedule("monthly", "32", "02:00"), errors: [{ path: `${base}.day`, message: '"1" … "31" or "last"' }] },
    { name: "monthly on the 0th", doc: schedule("monthly", "0", "02:00"), errors: [{ path: `${base}.day` }] },
    { name: "monthly on a weekday", doc: schedule("monthly", "monday", "02:00"), errors: [{ path: `${base}.day` }] },
    { name: "monthly without a day", doc: schedule("monthly", undefined, "02:00"), errors: [{ path: `${base}.day`, message: "without a day" }] },
    { name: "at 24:00", doc: schedule("daily", undefined, "24:00"), errors: [{ path: `${base}.at`, message: ['"24:00"', "00:00 to 23:59"] }] },
    { name: "at 12:60", doc: schedule("daily", undefined, "12:60"), errors: [{ path: `${base}.at` }] },
    { name: "at 2:00 (one-digit hour)", doc: schedule("daily", undefined, "2:00"), errors: [{ path: `${base}.at` }] },
    {
      name: "a bad recurrence and a bad time: both reported",
      doc: schedule("yearly", undefined, "7pm"),
      errors: [{ path: `${base}.recur` }, { path: `${base}.at` }],
    },
  ],
});
