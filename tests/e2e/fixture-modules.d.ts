// The React fixture app is plain JavaScript rendered with react-dom/server; these are the only
// shapes the tests use (React's own types would bring a second JSX runtime into a Preact project).
declare module 'react' {
  export function createElement(type: unknown, props?: unknown, ...children: unknown[]): unknown;
}
declare module 'react-dom/server' {
  export function renderToString(element: unknown): string;
}
declare module '*/react-app/app.mjs' {
  export const App: unknown;
}
