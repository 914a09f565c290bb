import type { IncomingMessage } from "node:http";
import { HttpError } from "./errors.js";
import type { RestRequest, RouteMatch, UploadedFile } from "./router.js";

/** Reading a request body: JSON, or multipart with `payload_json` and `files[n]` (how discord.js uploads). */

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function parseRequest(
  req: IncomingMessage,
  bytes: Buffer,
  match: RouteMatch,
  query: URLSearchParams,
): Promise<RestRequest> {
  const type = req.headers["content-type"] ?? "";
  let raw: unknown = {};
  const files: UploadedFile[] = [];
  if (type.startsWith("multipart/form-data")) {
    const form = await new Request("http://local/", {
      method: "POST",
      headers: { "content-type": type },
      body: bytes,
    }).formData();
    for (const [key, value] of form.entries()) {
      if (key === "payload_json" && typeof value === "string") raw = JSON.parse(value);
      const index = /^files\[(\d+)\]$/.exec(key)?.[1];
      if (index !== undefined && typeof value !== "string") {
        const data = Buffer.from(await value.arrayBuffer());
        files.push({
          index: Number(index),
          filename: value.name,
          contentType: value.type || "application/octet-stream",
          bytes: data,
        });
      }
    }
  } else if (bytes.length > 0) {
    try {
      raw = JSON.parse(bytes.toString("utf8"));
    } catch {
      throw new HttpError(400, 50109, "The request body contains invalid JSON.");
    }
  }
  const body =
    typeof raw === "object" && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  return { params: match.params, query, body, raw, files };
}
