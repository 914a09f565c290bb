import { describe, expect, it } from "vitest";
import { ConfigError, databaseConfigSchema, parseConfig } from "../../src/config.js";

describe("configuration", () => {
  it("names DISCORD_TOKEN and says where to get it when it is missing", () => {
    expect(() => parseConfig({})).toThrow(ConfigError);
    expect(() => parseConfig({})).toThrow(/DISCORD_TOKEN is not set: put your bot token/);
  });

  it("uses the embedded database in ./data by default and registers commands", () => {
    const config = parseConfig({ DISCORD_TOKEN: "token" });
    expect(config).toMatchObject({ DATA_DIR: "./data", REGISTER_COMMANDS: true, LOG_LEVEL: "info" });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it("treats an empty variable as unset, as a .env template leaves them", () => {
    const config = parseConfig({ DISCORD_TOKEN: "token", DATABASE_URL: "", DISCORD_API_URL: "" });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.DISCORD_API_URL).toBeUndefined();
  });

  it("reports every wrong value on one line", () => {
    const attempt = () =>
      parseConfig({
        DISCORD_TOKEN: "token",
        DATABASE_URL: "mysql://localhost/db",
        REGISTER_COMMANDS: "maybe",
        DISCORD_DEV_GUILD_ID: "abc",
      });
    expect(attempt).toThrow(/DATABASE_URL must start with postgres:\/\//);
    expect(attempt).toThrow(/REGISTER_COMMANDS must be true or false/);
    expect(attempt).toThrow(/DISCORD_DEV_GUILD_ID must be a Discord id/);
    try {
      attempt();
    } catch (error) {
      expect((error as Error).message).not.toContain("\n");
    }
  });

  it("serves /healthz and /metrics only when HEALTH_PORT is set, on the loopback unless HEALTH_HOST says otherwise", () => {
    expect(parseConfig({ DISCORD_TOKEN: "token" })).toMatchObject({ HEALTH_HOST: "127.0.0.1" });
    expect(parseConfig({ DISCORD_TOKEN: "token" }).HEALTH_PORT).toBeUndefined();
    expect(parseConfig({ DISCORD_TOKEN: "token", HEALTH_PORT: "" }).HEALTH_PORT).toBeUndefined();
    const container = parseConfig({ DISCORD_TOKEN: "token", HEALTH_PORT: "9464", HEALTH_HOST: "0.0.0.0" });
    expect(container).toMatchObject({ HEALTH_PORT: 9464, HEALTH_HOST: "0.0.0.0" });
    expect(() => parseConfig({ DISCORD_TOKEN: "token", HEALTH_PORT: "http" })).toThrow(
      /HEALTH_PORT must be a port/,
    );
    expect(() => parseConfig({ DISCORD_TOKEN: "token", HEALTH_PORT: "70000" })).toThrow(
      /HEALTH_PORT must be a port/,
    );
  });

  it("keeps a departed server's data 30 days unless GUILD_DATA_RETENTION_DAYS says otherwise", () => {
    expect(parseConfig({ DISCORD_TOKEN: "token" }).GUILD_DATA_RETENTION_DAYS).toBe(30);
    expect(
      parseConfig({ DISCORD_TOKEN: "token", GUILD_DATA_RETENTION_DAYS: "0" }).GUILD_DATA_RETENTION_DAYS,
    ).toBe(0);
    expect(() => parseConfig({ DISCORD_TOKEN: "token", GUILD_DATA_RETENTION_DAYS: "-1" })).toThrow(
      /GUILD_DATA_RETENTION_DAYS must be 0 or more days/,
    );
  });

  it("takes DISCORD_REQUESTS_PER_SECOND as this process's share of Discord's 50 requests/s", () => {
    expect(parseConfig({ DISCORD_TOKEN: "token" }).DISCORD_REQUESTS_PER_SECOND).toBeUndefined();
    expect(parseConfig({ DISCORD_TOKEN: "token", DISCORD_REQUESTS_PER_SECOND: "12.5" })).toMatchObject({
      DISCORD_REQUESTS_PER_SECOND: 12.5,
    });
    const wrong = (value: string) => () =>
      parseConfig({ DISCORD_TOKEN: "token", DISCORD_REQUESTS_PER_SECOND: value });
    expect(wrong("60")).toThrow(
      /DISCORD_REQUESTS_PER_SECOND must be at most 50, Discord's limit for a whole bot/,
    );
    expect(wrong("0")).toThrow(/DISCORD_REQUESTS_PER_SECOND must be above 0/);
    expect(wrong("fast")).toThrow(/DISCORD_REQUESTS_PER_SECOND must be a number of requests per second/);
  });

  it("lets the database tools run without a Discord token", () => {
    expect(parseConfig({ DATABASE_URL: "postgres://x@h/db" }, databaseConfigSchema)).toMatchObject({
      DATABASE_URL: "postgres://x@h/db",
      DATA_DIR: "./data",
    });
  });
});

describe("a question bank that is not there", () => {
  it("names QUESTIONS_DIR and the path it was given", () => {
    expect(() => parseConfig({ DISCORD_TOKEN: "token", QUESTIONS_DIR: "./no-such-bank" })).toThrow(
      "Configuration error: QUESTIONS_DIR is './no-such-bank', which is not a folder: set it to the question bank folder (default ./questions)",
    );
  });
});
