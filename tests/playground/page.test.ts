import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { count } from "drizzle-orm";
import { pino } from "pino";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answers } from "../../src/db/schema.js";
import { type Playground, startPlayground } from "../../src/playground/start.js";
import { chromiumMissing, launchBrowser } from "./browser.js";

const SCREENSHOT = "docs/img/playground.png";
const XSS = "<img src=x onerror=alert(1)>";

/** Waits as long as a busy machine may need; how long it took is never the point. */
const eventually = <T>(probe: () => T | Promise<T>) => expect.poll(probe, { timeout: 60_000, interval: 100 });

/** Pages act as people do: type in the message bar, pick from lists, click reactions and buttons. */
async function open(
  playground: Playground,
  member: string,
  browser: Awaited<ReturnType<typeof launchBrowser>>,
) {
  const page = await browser.context.newPage();
  const alerts: string[] = [];
  page.on("dialog", (dialog) => {
    alerts.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`${playground.url}?as=${member}`);
  await page.locator("body[data-ready]").waitFor();
  return Object.assign(page, { alerts });
}

async function runCommand(page: Page, path: string, fields: Record<string, string> = {}) {
  await page.locator("#message-input").fill(`/${path}`);
  await page.locator(`#command-picker li[data-command="${path}"]`).click();
  for (const [name, value] of Object.entries(fields)) {
    const field = page.locator(`#option-${name}`);
    if ((await field.evaluate((element) => element.tagName)) === "SELECT") await field.selectOption(value);
    else await field.fill(value);
  }
  await page.locator("#run-command").click();
  await eventually(() => page.locator("#command-status").textContent()).not.toMatch(/^Running/);
  expect(await page.locator("#command-status").textContent()).toBe("");
}

/** A picture's width once the browser has loaded and decoded it (0 before, or when it is broken). */
const naturalWidth = (img: unknown) => (img as { naturalWidth: number }).naturalWidth;

/** The newest message in the open channel whose text matches. */
const message = (page: Page, text: string | RegExp) =>
  page.locator("article.message", { hasText: text }).last();

// A whole day of the bot through a real browser: generous limits, for a busy machine, not for speed.
describe.skipIf(chromiumMissing)("the playground in a browser", () => {
  let playground: Playground;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let bank: string;

  beforeAll(async () => {
    bank = await mkdtemp(join(tmpdir(), "certbot-playground-bank-"));
    await cp("tests/fixtures/quiz-bank/SNGL-C01", join(bank, "SNGL-C01"), { recursive: true });
    // Keys A and B only: of the members who click 🇧 and 🇦, exactly one is right whichever is posted.
    await rm(join(bank, "SNGL-C01", "domain-1", "single-shared-home.yaml"));
    playground = await startPlayground({
      questionsDir: bank,
      watch: true,
      port: 0,
      log: pino({ level: "silent" }),
    });
    // Which day's slot /quiz post-now takes depends on the time of day in the channel's zone, so the
    // scenario below runs at 10:00 UTC on the playground's clock (19:00 in Tokyo, after its 07:30 post
    // time), whatever the real time: from 15:00 to 22:30 UTC the next day's question would not yet be due.
    const tenUtc = new Date(playground.clock.now());
    tenUtc.setUTCHours(10, 0, 0, 0);
    if (tenUtc <= playground.clock.now()) tenUtc.setUTCDate(tenUtc.getUTCDate() + 1);
    playground.clock.advanceTo(tenUtc);
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await playground?.close();
    await rm(bank, { recursive: true, force: true });
  });

  it("runs the daily question from setup to reveal, leaderboard, stats and the renewal graph", async () => {
    const organiser = await open(playground, "organiser", browser);
    const ada = await open(playground, "ada", browser);
    const bob = await open(playground, "bob", browser);
    const dailyQuestion = playground.world.channels[0]?.id ?? "";

    // The organiser sets up the channel; the time zone comes from the bot's autocomplete.
    await organiser.locator("#message-input").fill("/quiz setup");
    await organiser.locator('#command-picker li[data-command="quiz setup"]').click();
    await organiser.locator("#option-channel").selectOption(dailyQuestion);
    await organiser.locator("#option-time").fill("07:30");
    await organiser.locator("#option-timezone").fill("Asia/To");
    await organiser.locator('.suggestions li[data-value="Asia/Tokyo"]').click();
    await organiser.locator("#option-exam").fill("SNGL-C01");
    await organiser.locator("#run-command").click();
    const setupReply = message(organiser, "Set up the daily");
    await setupReply.waitFor();
    expect(await setupReply.getAttribute("class")).toContain("ephemeral");
    expect(await setupReply.textContent()).toContain("Only you can see this");
    // Ephemeral: the members never see the organiser's reply.
    expect(await message(ada, "Set up the daily").count()).toBe(0);

    await organiser.locator("#post-now").click();
    const question = message(ada, /SNGL-C01 #\d+/);
    await question.locator('.reaction[data-emoji="🇩"]').waitFor();
    await question.locator('.reaction[data-emoji="🇧"]').click();
    await message(bob, /SNGL-C01 #\d+/)
      .locator('.reaction[data-emoji="🇦"]')
      .click();
    await eventually(() => question.locator('.reaction[data-emoji="🇧"]').getAttribute("aria-pressed")).toBe(
      "true",
    );
    await eventually(
      async () => (await playground.bot.database.db.select({ n: count() }).from(answers))[0]?.n,
    ).toBe(2);

    await organiser.locator("#advance-close").click();
    const reveal = message(ada, /Answer: [A-D]/);
    await reveal.waitFor();
    expect(await reveal.textContent()).toContain("2 members answered · 50% got it right");
    // The question itself now says it is closed (the next day's question may already follow it).
    const first = ada.locator("article.message", { hasText: /SNGL-C01 #\d+/ }).first();
    expect(await first.textContent()).toContain("Closed — answer:");

    await runCommand(ada, "leaderboard");
    const board = message(ada, "/leaderboard");
    expect(await board.textContent()).toMatch(/ada|bob/);

    await runCommand(ada, "stats");
    const stats = message(ada, "Stats · ada");
    await eventually(() => stats.locator("img.embed-image").evaluate(naturalWidth)).toBeGreaterThan(0);
    await ada.locator("#messages").evaluate((list) => list.scrollTo(0, list.scrollHeight));
    // The README's screenshot is refreshed on request only, so a test run leaves the checkout clean.
    if (process.env.UPDATE_SCREENSHOT) {
      await mkdir("docs/img", { recursive: true });
      await ada.screenshot({ path: SCREENSHOT });
    }

    await runCommand(bob, "renewal graph");
    const graph = message(bob, "/renewal graph").locator("img").first();
    await eventually(() => graph.evaluate(naturalWidth)).toBeGreaterThan(0);

    // A day later the next question closes too: a second reveal, with nobody having answered it.
    await organiser.locator("#advance-day").click();
    const reveals = organiser.locator("article.message", { hasText: /Answer: [A-D]/ });
    await eventually(() => reveals.count()).toBe(2);
    expect(await reveals.last().textContent()).toContain("Nobody answered");
    expect([...organiser.alerts, ...ada.alerts, ...bob.alerts]).toEqual([]);
  }, 300_000);

  it("reloads an author's folder, lists checker problems, and shows a stem with HTML as text", async () => {
    const page = await open(playground, "organiser", browser);
    const folder = join(bank, "XSS-C01", "domain-1");
    await mkdir(folder, { recursive: true });
    await writeFile(join(bank, "XSS-C01", "track.yaml"), trackYaml);
    await writeFile(join(folder, "html-stem.yaml"), questionYaml);
    await writeFile(join(folder, "broken.yaml"), 'id: broken\nstem: "unterminated\n');

    await page.locator("#bank-problems li", { hasText: "broken.yaml" }).waitFor();
    expect(await page.locator("#bank-summary").textContent()).toContain("XSS-C01");

    const general = playground.world.channels[1]?.id ?? "";
    await runCommand(page, "quiz setup", {
      channel: general,
      time: "07:30",
      timezone: "UTC",
      exam: "XSS-C01",
    });
    await page.locator('[data-channel="general"]').click();
    await page.locator("#post-now").click();
    const posted = message(page, /XSS-C01 #\d+/);
    await posted.waitFor();
    expect(await posted.locator(".embed-description").textContent()).toContain(XSS);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(page.alerts).toEqual([]);
  }, 300_000);
});

const trackYaml = `exam: XSS-C01
name: Markup in question text
provider: aws
certification: XSS
passingScore: 700
scoreRange: [100, 1000]
reference: https://docs.aws.amazon.com/
pace: { minutes: 60, questions: 30 }
wording: { stemWords: [1, 200], optionWords: [1, 60] }
domains:
  - number: 1
    name: Rendering
    weight: 100
    tasks:
      "1.1": Render text
`;

const questionYaml = `id: html-stem
exam: XSS-C01
domain: 1
task: "1.1"
type: single
difficulty: 1
stem: >-
  Which of these is shown literally: ${XSS} or nothing?
options:
  A: The tag as text
  B: A broken picture
  C: An alert box
  D: Nothing at all
answer: A
explanations:
  A: Question text is escaped before any formatting.
  B: Nothing in a stem becomes markup.
  C: No script in a stem ever runs.
  D: The text is kept, only made harmless.
references:
  - https://docs.aws.amazon.com/
added: 2026-12-02
`;
