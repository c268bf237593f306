// Our own elements on a page (the card's shadow host): the scanner and mutation handling leave
// them alone.
export const CARD_HOST_TAG = 'dramalens-ui';

export const isOwnUi = (element: Element): boolean => element.localName === CARD_HOST_TAG;
