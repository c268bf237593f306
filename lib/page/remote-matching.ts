// The page's side of matching: its text goes to the background, which holds the dictionary and
// a warm matcher (lib/background/name-matching.ts), so no frame loads or compiles either. Its
// own messenger, typed by the one protocol: importing lib/messages would bring its schemas.
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { MatchContext } from '../match/matcher';
import type { NameMatching } from '../match/page-matching';
import { packTexts } from '../match/packed-texts';
import type { ToBackgroundProtocol } from '../messages';

type MatchProtocol = Pick<ToBackgroundProtocol, 'matchRough' | 'matchExact'>;

const matchMessenger = defineExtensionMessaging<MatchProtocol>();

function refused(): never {
  throw new Error('Dramalens: the matcher refused a page text');
}

/** `onRefused`: the background says the settings keep Dramalens off for this page. */
export function remoteNameMatching(onRefused: () => void): NameMatching {
  const carry = (context: MatchContext, kdrama: boolean) => {
    if (kdrama) context.kdrama = true;
  };
  return {
    async rough(parts, context, nearCues) {
      const request = { ...packTexts(parts), kdrama: context.kdrama, ...(nearCues === true ? { nearCues } : {}) };
      const answer = (await matchMessenger.sendMessage('matchRough', request)) ?? refused();
      carry(context, answer.kdrama);
      if (!answer.allowed) onRefused();
      return answer.windows;
    },
    async exact(texts, context) {
      const answer =
        (await matchMessenger.sendMessage('matchExact', { ...packTexts(texts), kdrama: context.kdrama })) ?? refused();
      carry(context, answer.kdrama);
      return { matches: answer.matches, facts: answer.facts };
    },
  };
}
