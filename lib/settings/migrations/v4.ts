// Settings version 3 → 4: episode reminders.
// - A new item, `reminders` (the default for followed dramas and how long before an episode);
//   missing, it reads as its default (reminders off), so version 3's items need no change.
// - A follow token may end in `:r+` or `:r-` (this drama's reminders on or off). Every version 3
//   token is a valid version 4 token; version 3 would read the new tokens as malformed, which is
//   why the version is bumped (a device still on version 3 keeps its own value).
import type { MigrationStep } from './step';

export const v4: MigrationStep = { version: 4, items: {} };
