import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { RunningBot } from "../app.js";
import type { DiscordServer, Member } from "../discord-server/index.js";
import { openPostings } from "../quiz/postings.js";
import type { PlaygroundClock } from "./clock.js";
import { pageMessage, pickableCommands, worldSummary } from "./page-views.js";
import type { BankStatus } from "./question-bank.js";
import type { PlaygroundWorld } from "./world.js";

/**
 * The small API beside the Discord-compatible server: the page acts as a member through it (the same
 * interactions and reactions a Discord client would cause) and reads what that member sees.
 */
export interface PlaygroundParts {
  server: DiscordServer;
  bot: RunningBot;
  world: PlaygroundWorld;
  clock: PlaygroundClock;
  bank(): BankStatus;
  /** Tell the page something changed that the server does not know of (the clock, the bank). */
  changed(): void;
}

/** Slow commands (the renewal graph renders a picture) get longer than a test's default 5 s. */
const COMMAND_TIMEOUT_MS = 30_000;
const DAY_MS = 24 * 60 * 60_000;

const optionValue = z.union([z.string(), z.number(), z.boolean()]);
const acting = { as: z.string(), channel: z.string() };
const bodies = {
  react: z.object({ ...acting, message: z.string(), emoji: z.string().min(1), add: z.boolean() }),
  command: z.object({ ...acting, command: z.string().min(1), options: z.record(z.string(), optionValue) }),
  autocomplete: z.object({
    ...acting,
    command: z.string().min(1),
    options: z.record(z.string(), optionValue),
    focused: z.string(),
  }),
  button: z.object({ ...acting, message: z.string(), customId: z.string() }),
  send: z.object({ ...acting, content: z.string().min(1).max(2000) }),
  clock: z.object({ action: z.enum(["close", "day"]) }),
};

export function createApi(parts: PlaygroundParts) {
  const { server, bot, world, clock } = parts;
  const member = (id: string): Member => {
    const found = world.members.find((m) => m.member.id === id);
    if (!found) throw new Error(`no member ${id} in the playground`);
    return found.member;
  };
  const guildId = world.guild.id;

  const get: Record<string, (query: URLSearchParams) => unknown> = {
    "/api/world": () => ({
      ...worldSummary(server, world),
      commands: pickableCommands(server, guildId),
      now: clock.now().toISOString(),
      bank: parts.bank(),
    }),
    "/api/messages": (query) => {
      const viewer = member(query.get("as") ?? "");
      return viewer.messages(query.get("channel") ?? "").map((view) => pageMessage(view, viewer.id));
    },
  };

  const post: Record<string, (body: unknown) => Promise<unknown>> = {
    "/api/react": async (raw) => {
      const body = bodies.react.parse(raw);
      const who = member(body.as);
      if (body.add) await who.react(body.channel, body.message, body.emoji);
      else await who.unreact(body.channel, body.message, body.emoji);
      return {};
    },
    "/api/command": async (raw) => {
      const body = bodies.command.parse(raw);
      const reply = await member(body.as).runCommand(guildId, body.channel, body.command, body.options, {
        timeoutMs: COMMAND_TIMEOUT_MS,
      });
      return { messageId: reply.id, ephemeral: reply.ephemeral, content: reply.content };
    },
    "/api/autocomplete": async (raw) => {
      const body = bodies.autocomplete.parse(raw);
      const who = member(body.as);
      return who.autocomplete(guildId, body.channel, body.command, body.options, body.focused);
    },
    "/api/button": async (raw) => {
      const body = bodies.button.parse(raw);
      const reply = await member(body.as).clickButton(body.channel, body.message, body.customId, {
        timeoutMs: COMMAND_TIMEOUT_MS,
      });
      return { messageId: reply.id };
    },
    "/api/send": async (raw) => {
      const body = bodies.send.parse(raw);
      await member(body.as).send(body.channel, body.content);
      return {};
    },
    "/api/clock": async (raw) => {
      const { action } = bodies.clock.parse(raw);
      if (action === "day") clock.advance(DAY_MS);
      else await advanceToClose(parts);
      // The same tick the minute timer runs: what is due now gets posted, closed and revealed.
      await bot.scheduler.tick();
      parts.changed();
      return { now: clock.now().toISOString() };
    },
  };

  return async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    try {
      const method = req.method ?? "GET";
      if (method === "GET" && get[url.pathname])
        return sendJson(res, 200, get[url.pathname]?.(url.searchParams));
      const action = method === "POST" ? post[url.pathname] : undefined;
      if (!action) return sendJson(res, 404, { error: `no ${method} ${url.pathname}` });
      return sendJson(res, 200, await action(await readJson(req)));
    } catch (error) {
      // Everything here is the visitor's own local sandbox: say plainly what went wrong.
      const message =
        error instanceof z.ZodError
          ? z.prettifyError(error)
          : error instanceof Error
            ? error.message
            : String(error);
      return sendJson(res, 400, { error: message });
    }
  };
}

/** Move the clock to the moment the earliest open question closes (or a minute on, if none is open). */
async function advanceToClose({ bot, clock }: PlaygroundParts): Promise<void> {
  const open = await openPostings(bot.database.db);
  const closes = open.map((posting) => posting.closesAt.getTime()).sort((a, b) => a - b)[0];
  clock.advanceTo(new Date(closes ?? clock.now().getTime() + 60_000));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text === "" ? {} : JSON.parse(text);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" });
  res.end(JSON.stringify(body));
}
