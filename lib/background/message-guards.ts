// The background's first look at every message: it must come from our own extension and match
// its schema; anything else is dropped without an answer. Pure, so tests can feed it anything.
import * as v from 'valibot';
import { pageDetectionsSchema, tabRequestSchema, type PageDetections } from '../messages';
import type { FrameSender } from './tab-detections';

/** What the background reads from `runtime.MessageSender`. */
export interface MessageSenderInfo {
  id?: string;
  tab?: { id?: number };
  frameId?: number;
  documentId?: string;
}

export interface AcceptedReport {
  tabId: number;
  frame: FrameSender;
  report: PageDetections;
}

/** A content script's report, from a frame of a tab; undefined for anything else. */
export function acceptReport(
  sender: MessageSenderInfo,
  data: unknown,
  extensionId: string,
): AcceptedReport | undefined {
  const tabId = sender.tab?.id;
  const frameId = sender.frameId;
  if (sender.id !== extensionId || tabId === undefined || frameId === undefined) return undefined;
  const report = v.safeParse(pageDetectionsSchema, data);
  if (!report.success) return undefined;
  return {
    tabId,
    frame: { frameId, ...(sender.documentId !== undefined ? { documentId: sender.documentId } : {}) },
    report: report.output,
  };
}

/** The tab id the popup asks about; undefined for a malformed or foreign request. */
export function acceptTabRequest(sender: MessageSenderInfo, data: unknown, extensionId: string): number | undefined {
  if (sender.id !== extensionId) return undefined;
  const request = v.safeParse(tabRequestSchema, data);
  return request.success ? request.output.tabId : undefined;
}
