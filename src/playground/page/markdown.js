/**
 * Discord's markdown, rendered safely: every character of the source is HTML-escaped before any
 * formatting is added, and links keep only http(s) addresses. Question text can never become markup.
 */

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** `names` resolves mentions: { channel(id), user(id) } → a name or undefined; `now` is the playground's time. */
export function markdown(source, names, now = Date.now()) {
  const parts = String(source ?? "").split(/```(?:[a-z]*\n)?([\s\S]*?)```/);
  return parts
    .map((part, i) =>
      i % 2 === 1
        ? `<pre class="code-block"><code>${escapeHtml(part)}</code></pre>`
        : blocks(part, names, now),
    )
    .join("");
}

function blocks(text, names, now) {
  const out = [];
  let list = null;
  for (const line of text.split("\n")) {
    const item = /^\s*[-*] (.*)$/.exec(line);
    if (item) {
      list ??= [];
      list.push(`<li>${inline(item[1], names, now)}</li>`);
      continue;
    }
    if (list) {
      out.push(`<ul>${list.join("")}</ul>`);
      list = null;
    }
    const heading = /^(#{1,3}) (.*)$/.exec(line);
    const subtext = /^-# (.*)$/.exec(line);
    const quote = /^> ?(.*)$/.exec(line);
    if (heading)
      out.push(`<h${heading[1].length + 2}>${inline(heading[2], names, now)}</h${heading[1].length + 2}>`);
    else if (subtext) out.push(`<div class="subtext">${inline(subtext[1], names, now)}</div>`);
    else if (quote) out.push(`<blockquote>${inline(quote[1], names, now)}</blockquote>`);
    else out.push(`${inline(line, names, now)}<br>`);
  }
  if (list) out.push(`<ul>${list.join("")}</ul>`);
  return out.join("").replace(/(<br>)+$/, "");
}

/** Inline code stays literal; everything else is escaped, then formatted. */
function inline(text, names, now) {
  return text
    .split(/`([^`]+)`/)
    .map((part, i) => (i % 2 === 1 ? `<code>${escapeHtml(part)}</code>` : formatted(part, names, now)))
    .join("");
}

function formatted(text, names, now) {
  const kept = [];
  const keep = (html) => `\uE000${kept.push(html) - 1}\uE000`;
  let html = escapeHtml(text.replace(/\uE000/g, ""));
  // Links and mentions first, kept aside so that emphasis never reaches inside an address.
  html = html.replace(/\[([^\]]+)\]\((?:&lt;)?(https?:\/\/[^\s)]+?)(?:&gt;)?\)/g, (_m, label, url) =>
    keep(`<a href="${url}" target="_blank" rel="noopener noreferrer">${label}</a>`),
  );
  html = html.replace(/(?:&lt;)?(https?:\/\/[^\s<]+?)(?:&gt;)?(?=[.,;:!?]?(?:\s|$))/g, (_m, url) =>
    keep(`<a href="${url}" target="_blank" rel="noopener noreferrer">${url}</a>`),
  );
  html = html.replace(/&lt;#(\d+)&gt;/g, (_m, id) =>
    keep(`<span class="mention">#${escapeHtml(names.channel(id) ?? "unknown")}</span>`),
  );
  html = html.replace(/&lt;@[!&]?(\d+)&gt;/g, (_m, id) =>
    keep(`<span class="mention">@${escapeHtml(names.user(id) ?? "unknown")}</span>`),
  );
  html = html.replace(/&lt;t:(-?\d+)(?::([tTdDfFR]))?&gt;/g, (_m, seconds, style) =>
    keep(
      `<span class="timestamp">${escapeHtml(timestamp(Number(seconds) * 1000, style ?? "f", now))}</span>`,
    ),
  );
  html = html
    .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
    .replace(/__(.+?)__/g, "<u>$1</u>")
    .replace(/~~(.+?)~~/g, "<s>$1</s>")
    .replace(/\|\|(.+?)\|\|/g, '<span class="spoiler">$1</span>')
    .replace(/(^|[^*\w])\*(?!\s)(.+?)\*(?!\w)/g, "$1<em>$2</em>")
    .replace(/(^|[^\w])_(?!\s)(.+?)_(?!\w)/g, "$1<em>$2</em>");
  return html.replace(/\uE000(\d+)\uE000/g, (_m, i) => kept[Number(i)]);
}

/** Discord's timestamp styles; R is relative to the playground's clock, not the computer's. */
export function timestamp(ms, style, now) {
  const date = new Date(ms);
  const time = { hour: "2-digit", minute: "2-digit" };
  switch (style) {
    case "t":
      return date.toLocaleTimeString(undefined, time);
    case "T":
      return date.toLocaleTimeString();
    case "d":
      return date.toLocaleDateString();
    case "D":
      return date.toLocaleDateString(undefined, { dateStyle: "long" });
    case "F":
      return date.toLocaleString(undefined, { dateStyle: "full", timeStyle: "short" });
    case "R":
      return relative(ms - now);
    default:
      return date.toLocaleString(undefined, { dateStyle: "long", timeStyle: "short" });
  }
}

function relative(deltaMs) {
  const units = [
    ["year", 365 * 86_400_000],
    ["month", 30 * 86_400_000],
    ["day", 86_400_000],
    ["hour", 3_600_000],
    ["minute", 60_000],
    ["second", 1000],
  ];
  const [unit, size] = units.find(([, size]) => Math.abs(deltaMs) >= size) ?? units.at(-1);
  return new Intl.RelativeTimeFormat(undefined, { numeric: "auto" }).format(Math.round(deltaMs / size), unit);
}
