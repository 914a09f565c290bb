/** A tiny method + path router for the REST routes, with Discord's notion of a route's major id. */

export interface UploadedFile {
  /** n of the `files[n]` form field; matches `attachments[].id` in payload_json. */
  index: number;
  filename: string;
  contentType: string;
  bytes: Buffer;
}

export interface RestRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  /** The JSON body, or `payload_json` of a multipart body; `{}` when there is none. */
  body: Record<string, unknown>;
  /** The parsed JSON as sent, for routes whose body is not an object (bulk command overwrite). */
  raw: unknown;
  files: UploadedFile[];
}

export interface RestResponse {
  status: number;
  body?: unknown;
}

export type RouteHandler = (request: RestRequest) => RestResponse | Promise<RestResponse>;

export interface RouteOptions {
  /** Bot token needed (interaction callbacks and webhook routes go without). Default true. */
  auth?: boolean;
  /** Which rate-limit bucket counts the route; other routes get one bucket each. */
  bucket?: "messages" | "reactions";
}

interface Route {
  method: string;
  pattern: string;
  regex: RegExp;
  names: string[];
  options: RouteOptions;
  handler: RouteHandler;
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
  /** The channel, guild or webhook the route is about, as Discord buckets it. */
  major: string;
}

export const json = (body: unknown, status = 200): RestResponse => ({ status, body });
export const noContent = (): RestResponse => ({ status: 204 });

export class Router {
  readonly #routes: Route[] = [];

  add(method: string, pattern: string, handler: RouteHandler, options: RouteOptions = {}): void {
    const names: string[] = [];
    const source = pattern.replace(/:(\w+)/g, (_match, name: string) => {
      names.push(name);
      return "([^/]+)";
    });
    this.#routes.push({ method, pattern, regex: new RegExp(`^${source}$`), names, options, handler });
  }

  match(method: string, path: string): RouteMatch | null {
    for (const route of this.#routes) {
      if (route.method !== method) continue;
      const found = route.regex.exec(path);
      if (!found) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => {
        params[name] = decodeURIComponent(found[i + 1] ?? "");
      });
      return { route, params, major: majorOf(route.pattern, params) };
    }
    return null;
  }
}

function majorOf(pattern: string, params: Record<string, string>): string {
  if (pattern.startsWith("/channels/")) return params.channelId ?? "global";
  if (pattern.startsWith("/guilds/")) return params.guildId ?? "global";
  if (pattern.startsWith("/webhooks/")) return `${params.appId}/${params.token}`;
  return "global";
}
