// Answers the reference content script with the length of what it was sent.
chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  sendResponse({ length: typeof message?.text === 'string' ? message.text.length : 0 });
});
