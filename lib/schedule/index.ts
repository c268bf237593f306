// Air times of a drama's run: next episode, countdown and display formatting (pure, no clock).
export * from './next-air-time';
export type { ZonedFields } from './calendar';
