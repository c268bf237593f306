// The one typed protocol between Dramalens's contexts. Every message goes to the background;
// the background validates each payload (valibot) and answers only our own extension.
import { defineExtensionMessaging } from '@webext-core/messaging';
import * as v from 'valibot';
import type { EntityCardData } from './index/entity-card';

export const entityIdSchema = v.pipe(v.string(), v.maxLength(200), v.regex(/^[a-z0-9~-]+$/));

export const pageDetectionsSchema = v.strictObject({
  url: v.pipe(v.string(), v.maxLength(4096)),
  detections: v.pipe(
    v.array(
      v.strictObject({
        entityId: entityIdSchema,
        count: v.pipe(v.number(), v.integer(), v.minValue(1)),
        /** Order of first appearance on the page, 0-based. */
        firstIndex: v.pipe(v.number(), v.integer(), v.minValue(0)),
      }),
    ),
    v.maxLength(5000),
  ),
});
export type PageDetections = v.InferOutput<typeof pageDetectionsSchema>;

export const tabRequestSchema = v.strictObject({ tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) });
export const entityRequestSchema = v.strictObject({ entityId: entityIdSchema });

export interface TabDetections {
  url: string;
  detections: PageDetections['detections'];
}

/** Messages the background answers. Named by direction: anything → background. */
export interface ToBackgroundProtocol {
  /** A content script reports what its frame mentions (replaces that frame's previous report). */
  reportDetections(data: PageDetections): void;
  /** The popup asks what a tab mentions. */
  getTabDetections(data: { tabId: number }): TabDetections | null;
  /** The hover card (or popup) asks for an entity's card; null for an unknown id. */
  getEntityCard(data: { entityId: string }): EntityCardData | null;
}

export const messenger = defineExtensionMessaging<ToBackgroundProtocol>();

/** Messages a content script answers. Named by direction: background → content script. */
export interface ToContentProtocol {
  /** The hover-card keyboard shortcut was pressed in this tab. */
  openCardFromShortcut(): void;
}

export const contentMessenger = defineExtensionMessaging<ToContentProtocol>();
