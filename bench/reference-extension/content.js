// A bench reference, not Dramalens: the floor extension's one TreeWalker pass over every text
// node, plus the least a design that matches in the background must add: the page's text sent
// in one message to the extension's worker, and its answer received. What this costs over the
// floor is what touching the extension API costs a frame with text, before any matching.
(() => {
  const texts = [];
  const w = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
  for (let c = w.nextNode(); c; c = w.nextNode()) texts.push(c.data);
  if (texts.length === 0) return;
  chrome.runtime.sendMessage({ text: texts.join('\u0000') }, (answer) => {
    globalThis.__referenceAnswer = answer;
  });
})();
