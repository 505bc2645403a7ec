/** 4150 → "4,150": numbers in messages read the way Microsoft's tables write them. */
export const n = (value: number): string => value.toLocaleString("en-US");

/** "1 DP" / "2 DPs". */
export const plural = (count: number, one: string, many = `${one}s`): string => `${n(count)} ${count === 1 ? one : many}`;
