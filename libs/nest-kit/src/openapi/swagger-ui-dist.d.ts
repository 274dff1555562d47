declare module 'swagger-ui-dist/absolute-path.js' {
  /** The folder holding swagger-ui's HTML, CSS and scripts. */
  export default function absolutePath(): string;
}
