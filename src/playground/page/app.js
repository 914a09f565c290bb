import { createCommandBox } from "./command-box.js";
import { h, renderMessage } from "./render.js";

/** The page: follows the server through /api/events and acts as the chosen member through /api/*. */

const state = {
  world: null,
  channelId: null,
  viewer: null,
  /** The playground clock minus the computer's, so "closes in 3 hours" reads as the bot means it. */
  clockOffsetMs: 0,
  dismissed: new Set(),
};

const $ = (id) => document.getElementById(id);

async function call(path, body) {
  const response = await fetch(
    path,
    body === undefined
      ? {}
      : {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(body),
        },
  );
  const answer = await response.json();
  if (!response.ok) throw new Error(answer.error ?? `${path} failed`);
  return answer;
}

const acting = () => ({ as: state.viewer.id, channel: state.channelId });
const organiser = () => state.world.members.find((m) => m.admin);

const api = {
  run: async (command, options, as = state.viewer) => {
    const reply = await call("/api/command", { as: as.id, channel: state.channelId, command, options });
    // Someone else's private reply would be invisible here: show its words in the status line.
    if (reply.ephemeral && as.id !== state.viewer.id) box.say(`${as.username} was told: ${reply.content}`);
    return reply;
  },
  send: (content) => call("/api/send", { ...acting(), content }),
  autocomplete: (command, options, focused) =>
    call("/api/autocomplete", { ...acting(), command, options, focused }),
};

const names = {
  channel: (id) => state.world?.channels.find((c) => c.id === id)?.name,
  user: (id) => user(id)?.username,
};

function user(id) {
  const world = state.world;
  if (!world) return undefined;
  if (id === world.bot.id) return { ...world.bot, bot: true };
  return world.members.find((m) => m.id === id);
}

const messageCtx = {
  names,
  now: () => Date.now() + state.clockOffsetMs,
  user,
  react: (message, emoji, add) =>
    call("/api/react", { ...acting(), message: message.id, emoji, add }).catch((e) =>
      box.say(e.message, "error"),
    ),
  click: (message, customId) =>
    call("/api/button", { ...acting(), message: message.id, customId }).catch((e) =>
      box.say(e.message, "error"),
    ),
  dismiss: (id) => {
    state.dismissed.add(id);
    void refresh();
  },
};

const box = createCommandBox($("composer"), api, () => state.world);

function renderWorld() {
  const { world } = state;
  $("guild-name").textContent = world.guild.name;
  $("channels").replaceChildren(
    ...world.channels.map((c) =>
      h(
        "button",
        {
          type: "button",
          className: `channel${c.id === state.channelId ? " active" : ""}`,
          "data-channel": c.name,
          onclick: () => {
            state.channelId = c.id;
            void refresh();
          },
        },
        `# ${c.name}`,
      ),
    ),
  );
  $("members").replaceChildren(
    ...world.members.map((m) =>
      h(
        "button",
        {
          type: "button",
          className: `member${m.id === state.viewer.id ? " active" : ""}`,
          "data-member": m.username,
          "aria-pressed": m.id === state.viewer.id ? "true" : "false",
          onclick: () => switchTo(m),
        },
        m.username,
        m.admin ? h("span", { className: "badge" }, "admin") : null,
      ),
    ),
  );
  const channel = world.channels.find((c) => c.id === state.channelId);
  $("channel-title").textContent = `# ${channel?.name ?? ""}`;
  const now = new Date(Date.now() + state.clockOffsetMs);
  $("clock").textContent =
    `🕒 ${now.toLocaleString([], { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" })}`;
  renderBank(world.bank);
}

function renderBank(bank) {
  const when = new Date(bank.loadedAt).toLocaleTimeString();
  $("bank-summary").textContent =
    `${bank.questions} questions (${bank.exams.join(", ") || "no tracks"}) from ${bank.folder}${bank.watching ? `, watched; loaded ${when}` : ""}`;
  $("bank-problems").replaceChildren(...bank.problems.map((p) => h("li", {}, p)));
}

function switchTo(member) {
  state.viewer = member;
  const url = new URL(location.href);
  url.searchParams.set("as", member.username);
  history.replaceState(null, "", url);
  void refresh();
}

/** One refresh at a time; changes during one cause exactly one more. */
let refreshing = null;
let again = false;
function refresh() {
  if (refreshing) {
    again = true;
    return refreshing;
  }
  refreshing = redraw().finally(() => {
    refreshing = null;
    if (again) {
      again = false;
      void refresh();
    }
  });
  return refreshing;
}

async function redraw() {
  const [world, messages] = await Promise.all([
    call("/api/world"),
    call(`/api/messages?channel=${state.channelId}&as=${state.viewer.id}`),
  ]);
  state.world = world;
  state.clockOffsetMs = new Date(world.now).getTime() - Date.now();
  renderWorld();
  const list = $("messages");
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  const shown = messages.filter((m) => !state.dismissed.has(m.id));
  list.replaceChildren(
    ...(shown.length > 0 ? shown.map((m) => renderMessage(m, messageCtx)) : [emptyChannel()]),
  );
  if (atBottom) list.scrollTop = list.scrollHeight;
}

function emptyChannel() {
  return h(
    "div",
    { className: "empty" },
    h("h3", {}, "Nothing here yet"),
    h("p", {}, "Start with “Set up the daily question” on the right, then Post now."),
  );
}

const TRY = [
  {
    label: "Set up the daily question",
    as: "organiser",
    command: "quiz setup",
    preset: () => ({ channel: channelNamed("daily-question") }),
  },
  {
    label: "Post now, then answer as ada, bob and chen by clicking 🇦 🇧 🇨 🇩",
    action: () => $("post-now").click(),
  },
  { label: "Advance to the close: the reveal and the scores", action: () => $("advance-close").click() },
  { label: "/leaderboard", command: "leaderboard" },
  { label: "/stats, with its chart", command: "stats" },
  { label: "/renewal graph", command: "renewal graph" },
  { label: "/renewal path: what renews what", command: "renewal path" },
  { label: "/question preview (admins)", as: "organiser", command: "question preview" },
  { label: "/help: every command", command: "help" },
];

function channelNamed(name) {
  return state.world.channels.find((c) => c.name === name)?.id;
}

function renderTry() {
  $("try").replaceChildren(
    ...TRY.map((item) =>
      h(
        "li",
        {},
        h(
          "button",
          {
            type: "button",
            className: "link",
            onclick: () => {
              if (item.as) switchTo(state.world.members.find((m) => m.username === item.as) ?? state.viewer);
              if (item.action) return item.action();
              box.open(item.command, item.preset?.() ?? {});
            },
          },
          item.label,
        ),
      ),
    ),
  );
}

async function clock(action) {
  try {
    await call("/api/clock", { action });
  } catch (error) {
    box.say(error.message, "error");
  }
}

async function start() {
  state.world = await call("/api/world");
  const wanted = new URL(location.href).searchParams.get("as");
  state.viewer = state.world.members.find((m) => m.username === wanted) ?? state.world.members[0];
  state.channelId = state.world.channels[0].id;
  $("post-now").addEventListener("click", () =>
    api.run("quiz post-now", {}, organiser()).catch((e) => box.say(e.message, "error")),
  );
  $("advance-close").addEventListener("click", () => clock("close"));
  $("advance-day").addEventListener("click", () => clock("day"));
  renderTry();
  await refresh();
  const events = new EventSource("/api/events");
  events.addEventListener("message", () => void refresh().catch((e) => box.say(e.message, "error")));
  setInterval(() => renderWorld(), 30_000);
  document.body.dataset.ready = "true";
}

void start();
