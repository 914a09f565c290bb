// Seeds a benchmark database with set-based SQL (generate_series), as the closer would have left it:
// the raw answers plus the aggregates it maintains (member_stats, period_scores, domain_stats,
// channel_streaks, group_period_scores). One big server and many small ones, so that every query must
// stay in its server.

import { allTimeKey } from "../src/stats/group-scores.js";

export const scale = {
  mainGuild: "900000000000000001",
  members: 100_000,
  /** Members of the big server who answer every question (the top of the leaderboard). */
  regulars: 200,
  days: 730,
  firstDay: "2024-11-27",
  /** Two quiz channels × 730 days × 685 answerers ≈ 1,000,000 answers. */
  answersPerPosting: 685,
  timeZone: "Europe/Berlin",
  otherGuilds: 1_000,
  otherMembers: 200,
  otherPostings: 30,
  otherAnswersPerPosting: 20,
  groups: 200,
  membersPerGroup: 50,
  roleLinkedGroups: 20,
  roleHoldersPerGroup: 100,
} as const;

export const mainUser = (index: number) => String(300_000_000_000_000_000n + BigInt(index));

/** The holders of each linked role, as the Discord layer would pass them (role-<n> → member ids). */
export function benchRoleHolders(roleId: string): string[] {
  const group = Number(roleId.replace("role-", ""));
  return Array.from({ length: scale.roleHoldersPerGroup }, (_, k) =>
    mainUser((group * 1_009 + k * 53) % scale.members),
  );
}

const s = scale;
const user = (index: string) => `(300000000000000000 + (${index}))::text`;
const mainPostings = 2 * s.days;

export const seedStatements: { label: string; sql: string }[] = [
  {
    label: "quiz channels and settings",
    sql: `
      insert into guild_settings (guild_id, time_zone) values ('${s.mainGuild}', '${s.timeZone}');
      insert into quiz_channels (id, guild_id, channel_id, exam, post_time, time_zone)
        values (1, '${s.mainGuild}', '910000000000000001', 'AIP-C01', '09:00', '${s.timeZone}'),
               (2, '${s.mainGuild}', '910000000000000002', 'AIF-C01', '09:00', '${s.timeZone}');
      insert into quiz_channels (id, guild_id, channel_id, exam, post_time, time_zone)
        select 2 + g, (800000000000000000 + g)::text, (920000000000000000 + g)::text,
          case when g % 2 = 0 then 'AIP-C01' else 'AIF-C01' end, '08:00', 'UTC'
        from generate_series(1, ${s.otherGuilds}) g;
      select setval(pg_get_serial_sequence('quiz_channels', 'id'), ${s.otherGuilds + 2});`,
  },
  {
    label: "questions",
    sql: `
      insert into questions (id, exam, domain, task, number, content_hash, source_file)
        select e || '-' || n, e, n % 5 + 1, (n % 5 + 1) || '.1', n + 1, 'h', 'bench'
        from unnest(array['AIP-C01', 'AIF-C01']) e, generate_series(0, 99) n;`,
  },
  {
    label: "postings (2 years in the big server, 30 days in each small one)",
    sql: `
      insert into postings (id, quiz_channel_id, local_date, sequence, question_id, question_revision,
          answer_size, message_id, closes_at, closed_at, opened_at)
        select (c - 1) * ${s.days} + d + 1, c, '${s.firstDay}'::date + d, d + 1,
          case c when 1 then 'AIP-C01' else 'AIF-C01' end || '-' || (d % 100), 1, 1,
          (930000000000000000 + (c - 1) * ${s.days} + d)::text,
          (('${s.firstDay}'::date + d + 1)::timestamp + interval '9 hours') at time zone '${s.timeZone}',
          (('${s.firstDay}'::date + d + 1)::timestamp + interval '9 hours') at time zone '${s.timeZone}',
          (('${s.firstDay}'::date + d)::timestamp + interval '9 hours') at time zone '${s.timeZone}'
        from generate_series(1, 2) c, generate_series(0, ${s.days - 1}) d;
      insert into postings (id, quiz_channel_id, local_date, sequence, question_id, question_revision,
          answer_size, message_id, closes_at, closed_at, opened_at)
        select ${mainPostings} + (c - 3) * ${s.otherPostings} + d + 1, c,
          '${s.firstDay}'::date + ${s.days - s.otherPostings} + d, d + 1,
          case when c % 2 = 0 then 'AIF-C01' else 'AIP-C01' end || '-' || (d % 100), 1, 1,
          (940000000000000000 + c * 100 + d)::text,
          ('${s.firstDay}'::date + ${s.days - s.otherPostings} + d + 1)::timestamp at time zone 'UTC' + interval '8 hours',
          ('${s.firstDay}'::date + ${s.days - s.otherPostings} + d + 1)::timestamp at time zone 'UTC' + interval '8 hours',
          ('${s.firstDay}'::date + ${s.days - s.otherPostings} + d)::timestamp at time zone 'UTC' + interval '8 hours'
        from generate_series(3, ${s.otherGuilds + 2}) c, generate_series(0, ${s.otherPostings - 1}) d;
      select setval(pg_get_serial_sequence('postings', 'id'), (select max(id) from postings));`,
  },
  {
    // Regulars answer every posting; everyone else is picked by a stride coprime to the pool, so a
    // member answers a posting at most once. About 75 % (regulars) and 60 % (others) are correct.
    label: "answers in the big server",
    sql: `
      insert into answers (posting_id, user_id, choices, first_answered_at, last_answered_at, locked, correct)
        select p, ${user("u")}, case when ok then 'A' else 'B' end, at, at, false, ok
        from (
          select p, u, abs(hashint4(p * 100003 + u)) % 100 < case when u < ${s.regulars} then 75 else 60 end as ok,
            '${s.firstDay}'::timestamptz + (p % ${s.days}) * interval '1 day' + interval '10 hours' as at
          from (
            select p, case when j < ${s.regulars} then j
              else ${s.regulars} + ((p * 7919 + j * 104729) % ${s.members - s.regulars}) end as u
            from generate_series(1, ${mainPostings}) p, generate_series(0, ${s.answersPerPosting - 1}) j
          ) picked
        ) scored;`,
  },
  {
    label: "answers in the other servers (members shared with the big one)",
    sql: `
      insert into answers (posting_id, user_id, choices, first_answered_at, last_answered_at, locked, correct)
        select p.id, ${user(`(c.id * 97 + (p.id * 13 + j * 7) % ${s.otherMembers}) % ${s.members}`)},
          case when abs(hashint4(p.id * 31 + j)) % 100 < 65 then 'A' else 'B' end,
          p.opened_at, p.opened_at, false, abs(hashint4(p.id * 31 + j)) % 100 < 65
        from quiz_channels c join postings p on p.quiz_channel_id = c.id,
          generate_series(0, ${s.otherAnswersPerPosting - 1}) j
        where c.id > 2;`,
  },
  {
    // Streaks are not derived from the answers here (it would only slow the seeding): they are
    // plausible values; no benchmarked query filters or sorts on them.
    label: "member_stats",
    sql: `
      insert into member_stats (guild_id, user_id, points, answered, correct, current_streak, best_streak, last_answered_on)
        select q.guild_id, a.user_id, count(*) filter (where a.correct), count(*), count(*) filter (where a.correct),
          abs(hashint4(hashtext(a.user_id))) % 6, 6 + abs(hashint4(hashtext(a.user_id))) % 20, max(p.local_date)
        from answers a join postings p on p.id = a.posting_id join quiz_channels q on q.id = p.quiz_channel_id
        group by q.guild_id, a.user_id;`,
  },
  {
    label: "period_scores (weeks and months in each channel's zone, by closing time)",
    sql: `
      insert into period_scores (guild_id, user_id, period, starts_on, points, answered, correct)
        select q.guild_id, a.user_id, k.period,
          date_trunc(k.period, p.closed_at at time zone q.time_zone)::date,
          count(*) filter (where a.correct), count(*), count(*) filter (where a.correct)
        from answers a join postings p on p.id = a.posting_id join quiz_channels q on q.id = p.quiz_channel_id,
          (values ('week'), ('month')) k(period)
        group by 1, 2, 3, 4;`,
  },
  {
    label: "domain_stats",
    sql: `
      insert into domain_stats (guild_id, user_id, exam, domain, answered, correct)
        select q.guild_id, a.user_id, q.exam, qu.domain, count(*), count(*) filter (where a.correct)
        from answers a join postings p on p.id = a.posting_id join quiz_channels q on q.id = p.quiz_channel_id
          join questions qu on qu.id = p.question_id
        group by 1, 2, 3, 4;`,
  },
  {
    label: "channel_streaks",
    sql: `
      insert into channel_streaks (quiz_channel_id, user_id, current, best)
        select p.quiz_channel_id, a.user_id, abs(hashint4(hashtext(a.user_id))) % 6, 6 + count(*) % 20
        from answers a join postings p on p.id = a.posting_id
        group by 1, 2;`,
  },
  {
    label: "study groups (200 in the big server, 2 in each small one)",
    sql: `
      insert into study_groups (id, guild_id, name, name_key, role_id, created_by)
        select g, '${s.mainGuild}', 'Group ' || g, 'group ' || g,
          case when g <= ${s.roleLinkedGroups} then 'role-' || g end, ${user("g")}
        from generate_series(1, ${s.groups}) g;
      insert into group_members (group_id, user_id)
        select g, ${user(`(g * 500 + k * 37) % ${s.members}`)}
        from generate_series(1, ${s.groups}) g, generate_series(0, ${s.membersPerGroup - 1}) k;
      insert into study_groups (id, guild_id, name, name_key, created_by)
        select ${s.groups} + g * 2 + n, (800000000000000000 + g)::text, 'Group ' || n, 'group ' || n, '1'
        from generate_series(1, ${s.otherGuilds}) g, generate_series(0, 1) n;
      insert into group_members (group_id, user_id)
        select ${s.groups} + g * 2 + n, ${user(`((g + 2) * 97 + n * 10 + k) % ${s.members}`)}
        from generate_series(1, ${s.otherGuilds}) g, generate_series(0, 1) n, generate_series(0, 9) k;
      select setval(pg_get_serial_sequence('study_groups', 'id'), (select max(id) from study_groups));`,
  },
  {
    // What joins and closes would have left: per group, its explicit members' totals for all time and
    // for every week and month (role holders are added when the standings are read).
    label: "group_period_scores",
    sql: `
      insert into group_period_scores (group_id, period, starts_on, points, active, members)
        select gm.group_id, 'all', '${allTimeKey}', coalesce(sum(ms.points), 0),
          count(*) filter (where ms.answered > 0), count(*)
        from group_members gm join study_groups g on g.id = gm.group_id
          left join member_stats ms on ms.guild_id = g.guild_id and ms.user_id = gm.user_id
        group by gm.group_id;
      insert into group_period_scores (group_id, period, starts_on, points, active, members)
        select gm.group_id, ps.period, ps.starts_on, sum(ps.points), count(*) filter (where ps.answered > 0), 0
        from group_members gm join study_groups g on g.id = gm.group_id
          join period_scores ps on ps.guild_id = g.guild_id and ps.user_id = gm.user_id
        group by 1, 2, 3;`,
  },
];
