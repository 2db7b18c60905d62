/* Practice tools of the ML interview guide: flashcards scheduled by FSRS, the mock interview with its rubric,
 * the progress page, the study plans' checklist and each page's "read" mark ("Check yourself" on the question
 * pages is mkdocs-quiz). The scheduling is ts-fsrs's (from npm, loaded on the flashcards page only); the rest is
 * written by hand because no maintained MkDocs plugin offers these. All state stays in the reader's
 * localStorage (no server, no account, works offline and from disk), can be exported and imported as one JSON
 * file, and a part that cannot be read is set aside under a backup key, never silently dropped. Re-initialised on
 * every page by Material's document$ observable, so it also works with instant navigation. */
(function () {
  "use strict";

  /* ---- The reader's store: one localStorage entry per part, each checked when read. ---- */
  const STORE = "mlig:";
  const QUIZ_PREFIX = "quiz_progress_"; // mkdocs-quiz keeps each page's answers under this prefix + pathname
  const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
  const isDate = (v) => typeof v === "string" && !Number.isNaN(Date.parse(v));
  const isCount = (v) => Number.isInteger(v) && v >= 0;
  const objectOf = (check) => (v) => isObject(v) && Object.values(v).every(check);
  const isCardState = (c) => isObject(c) && isDate(c.due) && typeof c.stability === "number" &&
    typeof c.difficulty === "number" && isCount(c.reps) && isCount(c.lapses) && [0, 1, 2, 3].includes(c.state) &&
    (c.last_review === undefined || isDate(c.last_review));
  const isScore = (s) => isObject(s) && isDate(s.date) && isCount(s.score) && isCount(s.of) && s.of > 0 && s.score <= s.of;
  const isQuizPage = objectOf((q) => isObject(q) && typeof q.answered === "boolean" && typeof q.correct === "boolean");
  const PARTS = {
    fsrs: { label: "flashcard schedule", check: objectOf(isCardState) },
    read: { label: "pages marked read", check: objectOf(isDate) },
    solved: { label: "coding problems marked solved", check: objectOf(isDate) },
    mock: { label: "mock-interview scores", check: objectOf((v) => Array.isArray(v) && v.every(isScore)) },
    plans: { label: "study-plan checklist", check: objectOf(objectOf(isDate)) },
  };
  const problems = new Set(); // what could not be read, said on every practice tool of the page
  const load = (key) => {
    const raw = localStorage.getItem(STORE + key);
    if (raw === null) return {};
    let value;
    try { value = JSON.parse(raw); } catch (e) { value = undefined; }
    if (PARTS[key].check(value)) return value;
    const backup = `${STORE}${key}.unreadable.${new Date().toISOString()}`;
    localStorage.setItem(backup, raw);
    localStorage.removeItem(STORE + key);
    problems.add(unreadable(backup));
    return {};
  };
  const BACKUP = /^mlig:(\w+)\.unreadable\.(.+)$/;
  const unreadable = (backup) => {
    const [, key, when] = backup.match(BACKUP);
    return `Your saved ${PARTS[key]?.label ?? key} could not be read (found ${when.slice(0, 10)}), so it started ` +
      `afresh. Nothing else changed, and the unreadable text is kept in this browser's storage under “${backup}”.`;
  };
  const backups = () => Object.keys(localStorage).filter((k) => BACKUP.test(k)).sort();
  const save = (key, value) => localStorage.setItem(STORE + key, JSON.stringify(value));
  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === "class") node.className = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v);
    }
    for (const c of children) node.append(c);
    return node;
  };
  const html = (markup) => { const d = document.createElement("div"); d.innerHTML = markup; return d; };
  /* Material sets __md_scope to the site root; card and page URLs are relative to it. */
  const scope = () => new URL(typeof __md_scope !== "undefined" ? __md_scope : location.href);
  /* The offline copy, opened from disk, names its pages x/y.html where the site has x/y/. */
  const fromDisk = () => location.protocol === "file:";
  const siteUrl = (rel) => new URL(fromDisk() ? (rel.replace(/\/$/, ".html") || "index.html") : rel, scope()).href;
  const pageUrl = (c) => siteUrl(c.url);
  const embedded = (id) => {
    const data = document.getElementById(id);
    return data ? JSON.parse(data.textContent) : null;
  };
  /* What could not be read: on a practice tool, what this page found; on the progress page, every part set
   * aside so far (until the reader deletes the unreadable copies). */
  const problemNote = (all = false, onDismiss = null) => {
    const messages = all ? backups().map(unreadable) : [...problems];
    if (!messages.length) return "";
    const note = el("div", { class: "admonition warning practice-problems", role: "alert" },
      el("p", { class: "admonition-title" }, "Some saved progress could not be read"),
      ...messages.map((m) => el("p", {}, m)));
    if (onDismiss) {
      note.append(el("p", {}, el("button", { type: "button", class: "md-button", id: "progress-forget-unreadable",
        onclick: () => { for (const k of backups()) localStorage.removeItem(k); onDismiss(); } },
      "Delete the unreadable copies")));
    }
    return note;
  };
  const today = () => new Date().toISOString().slice(0, 10);
  const endOfToday = () => { const d = new Date(); d.setHours(23, 59, 59, 999); return d; };
  const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

  /* A page's quiz answers, by the page's URL relative to the site root (the offline copy's pages end in
   * index.html), so that an export from the site imports into the offline copy and back. */
  const quizKey = (url) => QUIZ_PREFIX + new URL(siteUrl(url)).pathname;
  const readQuiz = (key) => {
    let value = null;
    try { value = JSON.parse(localStorage.getItem(key)); } catch (e) { value = null; }
    return isQuizPage(value) ? value : null;
  };
  const quizAnswers = (url) => readQuiz(quizKey(url)) || {};
  function quizEntries() {
    const root = scope().pathname, out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i), path = key.slice(QUIZ_PREFIX.length);
      if (!key.startsWith(QUIZ_PREFIX) || !path.startsWith(root) || !readQuiz(key)) continue;
      const rel = path.slice(root.length);
      out[fromDisk() ? rel.replace(/(^|\/)index\.html$/, "$1").replace(/\.html$/, "/") : rel] = readQuiz(key);
    }
    return out;
  }

  /* ---- FSRS: ts-fsrs's scheduler, loaded once as a classic script (it works from disk too). ---- */
  let fsrsLoading = null;
  const loadFsrs = () => fsrsLoading ??= new Promise((resolve, reject) => {
    if (window.FSRS) { resolve(window.FSRS); return; }
    const script = el("script", { src: new URL("assets/javascripts/ts-fsrs.js", scope()).href });
    script.addEventListener("load", () => resolve(window.FSRS));
    script.addEventListener("error", () => { fsrsLoading = null; reject(new Error("ts-fsrs.js did not load")); });
    document.head.append(script);
  });
  const isDue = (state, by = endOfToday()) => state && new Date(state.due) <= by;
  /* Known: past its learning steps (FSRS's Review state) and not due today, so known and due never overlap. */
  const isKnown = (state) => state && state.state === 2 && new Date(state.due) > endOfToday();
  function interval(from, to) {
    const minutes = Math.round((to - from) / 60000);
    if (minutes < 60) return plural(Math.max(minutes, 1), "min", "min");
    const hours = Math.round(minutes / 60);
    if (hours < 24) return plural(hours, "hour");
    const days = Math.round(hours / 24);
    if (days < 31) return plural(days, "day");
    const months = Math.round(days / 30.4);
    return months < 12 ? plural(months, "month") : plural(Math.round(days / 365), "year");
  }

  /* The round, topic and difficulty filters both tools offer; matches(card) applies them. Rounds keep the
   * order of the cards (the loop's order); a link such as flashcards/?round=evaluation preselects one. */
  function cardFilters(cards, prefix) {
    const rounds = [...new Map(cards.map((c) => [c.round, c.round_title])).entries()];
    const round = el("select", { id: `${prefix}-round`, "aria-label": "Filter by round" },
      el("option", { value: "" }, "All rounds"), ...rounds.map(([k, title]) => el("option", { value: k }, title)));
    const wanted = new URLSearchParams(location.search).get("round");
    if (wanted && rounds.some(([k]) => k === wanted)) round.value = wanted;
    const tags = [...new Set(cards.flatMap((c) => c.tags))].sort();
    const tag = el("select", { id: `${prefix}-tag`, "aria-label": "Filter by tag" },
      el("option", { value: "" }, "All topics"), ...tags.map((t) => el("option", { value: t }, t)));
    const difficulty = el("select", { id: `${prefix}-difficulty`, "aria-label": "Filter by difficulty" },
      el("option", { value: "" }, "All difficulties"),
      ...["easy", "medium", "hard"].map((d) => el("option", { value: d }, d)));
    const matches = (c) => (!round.value || c.round === round.value) && (!tag.value || c.tags.includes(tag.value)) &&
      (!difficulty.value || c.difficulty === difficulty.value);
    return { round, tag, difficulty, matches };
  }

  /* Flashcards: due cards first (earliest first), then new ones; flip with click, Enter or Space, then grade
   * Again, Hard, Good or Easy, each button naming the interval FSRS gives it. */
  function flashcards(root, cards, FSRS) {
    const scheduler = FSRS.fsrs(FSRS.generatorParameters({ enable_fuzz: true }));
    const schedule = load("fsrs");
    const filters = cardFilters(cards, "fc");
    const kind = el("select", { id: "fc-kind", "aria-label": "Filter by kind of card" },
      el("option", { value: "" }, "All kinds of card"), el("option", { value: "question" }, "Questions"),
      el("option", { value: "formula" }, "Key formulas"), el("option", { value: "problem" }, "Coding problems"));
    const status = el("p", { class: "fc-status", "aria-live": "polite" });
    const card = el("div", { class: "fc-card", tabindex: "0", role: "button", "aria-pressed": "false" });
    const grades = el("div", { class: "fc-grades", hidden: "" });
    const skip = el("button", { type: "button", class: "md-button", id: "fc-skip" }, "Skip");
    const names = { [FSRS.Rating.Again]: "Again", [FSRS.Rating.Hard]: "Hard", [FSRS.Rating.Good]: "Good", [FSRS.Rating.Easy]: "Easy" };
    let queue = [], flipped = false, skipped = new Set();

    const selected = () => cards.filter((c) => filters.matches(c) && (!kind.value || c.kind === kind.value));
    const stateOf = (c) => schedule[c.id] ? FSRS.TypeConvert.card(schedule[c.id]) : null;
    /* The queue: cards due by now (a card in its learning steps waits for its minutes), then new ones. */
    const build = () => {
      const now = new Date();
      const due = selected().filter((c) => isDue(schedule[c.id], now))
        .sort((a, b) => new Date(schedule[a.id].due) - new Date(schedule[b.id].due));
      const fresh = selected().filter((c) => !schedule[c.id]);
      const order = [...due, ...fresh];
      return [...order.filter((c) => !skipped.has(c.id)), ...order.filter((c) => skipped.has(c.id))];
    };
    const show = () => {
      queue = build();
      flipped = false;
      card.classList.remove("fc-flipped");
      card.setAttribute("aria-pressed", "false");
      grades.hidden = true;
      card.replaceChildren();
      const all = selected(), now = new Date();
      const due = all.filter((c) => isDue(schedule[c.id])).length, fresh = all.filter((c) => !schedule[c.id]).length;
      const known = all.filter((c) => isKnown(schedule[c.id])).length;
      status.textContent = `Due today: ${due} · New: ${fresh} · Known: ${known} of ${all.length} in this selection`;
      if (!queue.length) {
        const next = all.map((c) => schedule[c.id]).filter(Boolean).map((s) => new Date(s.due)).sort((a, b) => a - b)[0];
        card.append(el("p", {}, all.length ? "Nothing is due in this selection." : "No card matches these filters."),
          next ? el("p", {}, `The next card is due in ${interval(now, next)}.`) : "");
        return;
      }
      const c = queue[0];
      const kindName = { formula: "Key formula", problem: "Coding problem" }[c.kind] || "Question";
      const meta = `${kindName} · ${c.round_title} · ${c.difficulty} · ${c.tags.join(", ")}`;
      const front = el("div", { class: "fc-front" }, el("p", { class: "fc-meta" }, meta),
        el("p", { class: "fc-question" }, c.title),
        el("p", { class: "fc-hint" }, { formula: "Write the formula down, then flip the card.",
          problem: "Say how you would implement it, then flip the card to compare with the hints." }[c.kind] ||
          "Answer aloud, then flip the card."));
      const back = el("div", { class: "fc-back" }, html(c.answer), html(c.formula),
        el("p", {}, el("a", { href: pageUrl(c) }, "Read the full page")));
      card.append(front, back);
      const previews = scheduler.repeat(stateOf(c) ?? FSRS.createEmptyCard(now), now);
      grades.replaceChildren(...FSRS.Grades.map((g) => el("button", {
        type: "button", class: g === FSRS.Rating.Good ? "md-button md-button--primary" : "md-button",
        "data-grade": names[g], onclick: () => grade(c, previews[g].card),
      }, `${names[g]} · ${interval(now, previews[g].card.due)}`)));
    };
    const flip = () => {
      if (!queue.length) return;
      flipped = !flipped;
      card.classList.toggle("fc-flipped", flipped);
      card.setAttribute("aria-pressed", String(flipped));
      grades.hidden = !flipped;
    };
    const grade = (c, next) => {
      schedule[c.id] = JSON.parse(JSON.stringify(next)); // dates as ISO strings
      save("fsrs", schedule);
      skipped.delete(c.id);
      show();
      card.focus();
    };
    card.addEventListener("click", (e) => { if (!e.target.closest("a")) flip(); });
    card.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); flip(); }
    });
    skip.addEventListener("click", () => { if (queue.length) skipped.add(queue[0].id); show(); });
    for (const control of [filters.round, filters.tag, filters.difficulty, kind]) {
      control.addEventListener("change", () => { skipped = new Set(); show(); });
    }
    root.append(problemNote(),
      el("div", { class: "fc-filters" }, filters.round, " ", filters.tag, " ", filters.difficulty, " ", kind),
      status, card, grades, el("div", { class: "fc-actions" }, skip));
    show();
  }

  /* Mock interview: a question of the chosen round, answered aloud against a countdown; then the rubric (the
   * points of the page's short answer), which the reader ticks, and the short answer itself. Scores are kept. */
  function mockInterview(root, allCards) {
    const cards = allCards.filter((c) => c.kind === "question");
    const filters = cardFilters(cards, "mi");
    const minutes = el("select", { id: "mi-minutes", "aria-label": "Time to answer" },
      ...[1, 2, 3, 5].map((m) => el("option", { value: String(m) }, `${m} min`)));
    minutes.value = "2";
    const draw = el("button", { type: "button", class: "md-button md-button--primary", id: "mi-draw" }, "Draw a question");
    const timer = el("p", { class: "mi-timer", role: "timer", "aria-live": "off" }, "2:00");
    const stage = el("div", { class: "mi-stage" });
    let ticking = null;
    const clock = (s) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
    minutes.addEventListener("change", () => { if (!ticking) timer.textContent = clock(Number(minutes.value) * 60); });
    draw.addEventListener("click", () => {
      const pool = cards.filter(filters.matches);
      clearInterval(ticking);
      ticking = null;
      stage.replaceChildren();
      if (!pool.length) { stage.append(el("p", {}, "No question matches these filters.")); return; }
      const c = pool[Math.floor(Math.random() * pool.length)];
      const limit = Number(minutes.value) * 60, t0 = Date.now();
      const done = el("button", { type: "button", class: "md-button", id: "mi-done" }, "I have answered: show the rubric");
      const after = el("div", { class: "mi-after", hidden: "" });
      const finish = (why) => {
        clearInterval(ticking);
        ticking = null;
        done.disabled = true;
        after.hidden = false;
        after.prepend(el("p", { class: "mi-why", role: "status" }, why));
        after.querySelector("input")?.focus();
      };
      const tick = () => {
        const left = Math.max(0, limit - Math.floor((Date.now() - t0) / 1000));
        timer.textContent = clock(left);
        if (!left) finish("Time is up. Which of these points did your answer make?");
      };
      const points = c.rubric.map((point, i) => el("li", {},
        el("label", {}, el("input", { type: "checkbox", class: "mi-point", id: `mi-point-${i}` }), " ", html(point))));
      const saved = el("p", { class: "mi-saved", role: "status" });
      const scores = () => {
        const all = load("mock")[c.id] || [];
        return all.length ? `Your scores on this question: ${all.map((s) => `${s.score}/${s.of}`).join(", ")}.` : "";
      };
      saved.textContent = scores();
      const keep = el("button", { type: "button", class: "md-button md-button--primary", id: "mi-save" }, "Save my score");
      keep.addEventListener("click", () => {
        const mock = load("mock");
        const score = after.querySelectorAll(".mi-point:checked").length;
        (mock[c.id] ||= []).push({ date: new Date().toISOString(), score, of: points.length });
        save("mock", mock);
        keep.disabled = true;
        saved.textContent = `Saved: ${score} of ${points.length} points. ${scores()}`;
      });
      const followups = el("div", { class: "mi-followups", hidden: "" }, el("h3", {}, "Pitfalls and follow-ups"), html(c.followups));
      const showFollowups = el("button", { type: "button", class: "md-button", id: "mi-followups" }, "Reveal the follow-ups");
      showFollowups.addEventListener("click", () => { followups.hidden = false; showFollowups.disabled = true; });
      after.append(el("h3", {}, "Rubric: the points of the short answer"), el("ul", { class: "mi-rubric" }, ...points),
        el("div", {}, keep), saved, el("div", { class: "mi-answer" }, el("h3", {}, "Short answer"), html(c.answer), html(c.formula)),
        el("div", {}, showFollowups), followups);
      done.addEventListener("click", () => finish("Which of these points did your answer make?"));
      stage.append(
        el("p", { class: "fc-meta" }, `${c.round_title} · ${c.difficulty} · ${c.tags.join(", ")}`),
        el("p", { class: "mi-question" }, c.title),
        el("p", {}, el("a", { href: pageUrl(c) }, "Open the page")), el("div", {}, done), after);
      tick();
      ticking = setInterval(tick, 1000);
    });
    root.append(problemNote(), el("div", { class: "fc-filters" }, filters.round, " ", filters.tag, " ", filters.difficulty, " ",
      minutes, " ", draw), timer, stage);
  }

  /* A page's own mark: "read" for a question, "solved" for a coding problem (the reader says so). */
  function pageMark(box) {
    const part = box.dataset.kind === "problem" ? "solved" : "read";
    const words = part === "solved" ? ["Mark this problem solved", "Solved"] : ["Mark this page read", "Read"];
    const button = el("button", { type: "button", class: "md-button page-progress__mark" });
    const show = () => {
      const on = Boolean(load(part)[box.dataset.page]);
      button.setAttribute("aria-pressed", String(on));
      button.textContent = on ? `✓ ${words[1]} (click to undo)` : words[0];
    };
    button.addEventListener("click", () => {
      const marks = load(part);
      if (marks[box.dataset.page]) delete marks[box.dataset.page];
      else marks[box.dataset.page] = today();
      save(part, marks);
      show();
    });
    show();
    box.append(button, " ", el("a", { href: siteUrl("practice/progress/") }, "Your progress"));
  }

  /* The study plans' checklist: each day with work gets a checkbox, counted by the progress page. */
  function planDay(mark) {
    const { plan, day } = mark.dataset;
    const box = el("input", { type: "checkbox", class: "plan-day__box", "aria-label": `Done: ${day} of the ${plan} plan` });
    box.checked = Boolean((load("plans")[plan] || {})[day]);
    box.addEventListener("change", () => {
      const plans = load("plans");
      plans[plan] ||= {};
      if (box.checked) plans[plan][day] = today();
      else delete plans[plan][day];
      save("plans", plans);
    });
    mark.append(box, " ");
  }

  /* The home page's line: how many flashcards are due today. */
  function dueToday(box) {
    const schedule = load("fsrs");
    const due = Object.values(schedule).filter((s) => isDue(s)).length;
    const link = el("a", { href: siteUrl("practice/flashcards/") }, "flashcards");
    box.replaceChildren(problemNote(), Object.keys(schedule).length
      ? el("span", {}, `Flashcards due today: ${due}. `, el("a", { href: link.href }, due ? "Review them" : "Open the flashcards"), ".")
      : el("span", {}, "No card reviewed yet: start with the ", link, ", scheduled for you by FSRS."));
    box.hidden = false;
  }

  /* The progress page: per round, what the reader has done, a chart, and their data (export, import, reset). */
  function progress(root, data) {
    const table = el("table");  // classless, so Material styles it like the pages' tables
    const wrap = el("div", { class: "md-typeset__scrollwrap progress-table", tabindex: "0", role: "region",
      "aria-label": "Progress by round" }, el("div", { class: "md-typeset__table" }, table));
    const chart = el("div", { class: "progress-chart" });
    const plans = el("ul", { class: "progress-plans" });
    const review = el("p", { class: "progress-review" });
    const message = el("p", { class: "progress-message", role: "status" });
    const render = () => {
      const schedule = load("fsrs"), read = load("read"), solved = load("solved"), mock = load("mock"), done = load("plans");
      const now = new Date();
      const rows = data.rounds.map((r) => {
        const pages = data.pages.filter((p) => p.round === r.key);
        const questions = pages.filter((p) => p.kind === "question"), problemsIn = pages.filter((p) => p.kind === "problem");
        const cards = pages.flatMap((p) => p.cards);
        let answered = 0, correct = 0;
        for (const p of pages) {
          const answers = Object.values(quizAnswers(p.url));
          answered += answers.filter((q) => q.answered).length;
          correct += answers.filter((q) => q.correct).length;
        }
        const scores = cards.flatMap((id) => mock[id] || []);
        return {
          key: r.key, title: r.title,
          read: [questions.filter((p) => read[p.id]).length, questions.length],
          quiz: [correct, answered, pages.reduce((n, p) => n + p.quizzes, 0)],
          known: [cards.filter((id) => isKnown(schedule[id])).length, cards.length],
          due: cards.filter((id) => isDue(schedule[id])).length,
          solved: [problemsIn.filter((p) => solved[p.id]).length, problemsIn.length],
          mock: [scores.length, scores.reduce((n, s) => n + s.score, 0), scores.reduce((n, s) => n + s.of, 0)],
        };
      });
      const sum = (f) => rows.map(f).reduce((a, b) => a.map((x, i) => x + b[i]));
      const total = { title: "All rounds", read: sum((r) => r.read), quiz: sum((r) => r.quiz), known: sum((r) => r.known),
        due: rows.reduce((n, r) => n + r.due, 0), solved: sum((r) => r.solved), mock: sum((r) => r.mock) };
      const cell = (pair) => pair[1] ? `${pair[0]} of ${pair[1]}` : "—";
      const line = (r, tag = "td") => el("tr", r.key ? { "data-round": r.key } : { class: "progress-total" },
        el("th", { scope: "row" }, r.title), ...[
          cell(r.read), r.quiz[2] ? `${r.quiz[0]} right of ${r.quiz[1]} answered (${r.quiz[2]} questions)` : "—",
          cell(r.known), String(r.due), cell(r.solved),
          r.mock[0] ? `${plural(r.mock[0], "answer")}, ${Math.round((100 * r.mock[1]) / r.mock[2])} % of points` : "—",
        ].map((text) => el(tag, {}, text)));
      table.replaceChildren(
        el("thead", {}, el("tr", {}, ...["Round", "Pages read", "Check yourself", "Cards known", "Cards due today",
          "Problems solved", "Mock interviews"].map((h) => el("th", { scope: "col" }, h)))),
        el("tbody", {}, ...rows.map((r) => line(r))), el("tfoot", {}, line(total)));
      /* The chart: per round, the share of its pages done (read, or solved for a coding problem). */
      const bars = rows.map((r) => [r.title, (r.read[0] + r.solved[0]) / Math.max(1, r.read[1] + r.solved[1])]);
      const width = 320, rowH = 22, labelW = 190;
      const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
      svg.setAttribute("viewBox", `0 0 ${width} ${rowH * bars.length}`);
      svg.setAttribute("role", "img");
      svg.setAttribute("aria-label", "Share of each round's pages done: " +
        bars.map(([t, f]) => `${t} ${Math.round(100 * f)} %`).join(", "));
      svg.innerHTML = bars.map(([t, f], i) => `<text x="0" y="${i * rowH + 15}">${t}</text>` +
        `<rect class="progress-chart__track" x="${labelW}" y="${i * rowH + 4}" width="${width - labelW - 40}" height="14"></rect>` +
        `<rect class="progress-chart__bar" x="${labelW}" y="${i * rowH + 4}" width="${(width - labelW - 40) * f}" height="14"></rect>` +
        `<text x="${width - 34}" y="${i * rowH + 15}">${Math.round(100 * f)} %</text>`).join("");
      chart.replaceChildren(svg);
      review.replaceChildren("Review one round's flashcards: ", ...rows.filter((r) => r.known[1]).flatMap((r, i) => [
        i ? ", " : "", el("a", { href: `${siteUrl("practice/flashcards/")}?round=${r.key}` }, r.title),
        r.due ? ` (${r.due} due)` : ""]), ".");
      plans.replaceChildren(...Object.entries(data.plans).map(([plan, { title, days }]) => el("li", { "data-plan": plan },
        el("a", { href: siteUrl("practice/study-plans/") }, title),
        `: ${days.filter((d) => (done[plan] || {})[d]).length} of ${days.length} days done`)));
      const note = problemNote(true, render);
      root.querySelector(".practice-problems")?.remove();
      if (note) root.prepend(note);
    };

    /* Export, import and reset: the whole of the reader's progress as one JSON file. */
    const exportData = () => {
      const out = { format: "ml-interview-guide-progress", version: 1, exported: new Date().toISOString(), quiz: quizEntries() };
      for (const key of Object.keys(PARTS)) out[key] = load(key);
      return out;
    };
    const exporter = el("button", { type: "button", class: "md-button", id: "progress-export" }, "Export my progress");
    exporter.addEventListener("click", () => {
      const blob = new Blob([JSON.stringify(exportData(), null, 1)], { type: "application/json" });
      const a = el("a", { href: URL.createObjectURL(blob), download: `ml-interview-guide-progress-${today()}.json` });
      document.body.append(a);
      a.click();
      a.remove();
      message.textContent = "Your progress was saved as a JSON file in your downloads.";
    });
    const file = el("input", { type: "file", accept: "application/json,.json", id: "progress-import-file" });
    const why = (data) => {
      if (!isObject(data) || data.format !== "ml-interview-guide-progress") return "it is not a progress file of this guide";
      if (data.version !== 1) return `its version (${data.version}) is not one this guide reads`;
      for (const [key, part] of Object.entries(PARTS)) {
        if (data[key] !== undefined && !part.check(data[key])) return `its ${part.label} are not in the expected form`;
      }
      if (data.quiz !== undefined && !objectOf(isQuizPage)(data.quiz)) return "its quiz answers are not in the expected form";
      return "";
    };
    file.addEventListener("change", async () => {
      const chosen = file.files[0];
      if (!chosen) return;
      let data, problem;
      try { data = JSON.parse(await chosen.text()); } catch (e) { problem = `it is not JSON (${e.message})`; }
      problem ??= why(data);
      file.value = "";
      if (problem) {
        message.textContent = `${chosen.name} was not imported: ${problem}. Nothing was changed.`;
        return;
      }
      if (!window.confirm(`Replace the progress in this browser with ${chosen.name}? What is saved here now ` +
        "(card schedules, pages read, problems solved, mock scores, the study-plan checklist) is replaced; quiz " +
        "answers in the file are added to those here.")) {
        message.textContent = "Nothing was imported.";
        return;
      }
      for (const key of Object.keys(PARTS)) save(key, data[key] || {});
      for (const [url, answers] of Object.entries(data.quiz || {})) {
        localStorage.setItem(quizKey(url), JSON.stringify(answers));
      }
      message.textContent = `Imported ${chosen.name} (exported ${data.exported || "at an unknown date"}).`;
      render();
    });
    const reset = el("button", { type: "button", class: "md-button", id: "progress-reset" }, "Delete all my progress");
    reset.addEventListener("click", () => {
      if (!window.confirm("Delete all your progress in this guide from this browser: card schedules, pages read, " +
        "problems solved, quiz answers, mock scores and the study-plan checklist? Export it first to keep a copy.")) return;
      for (const key of [...Object.keys(PARTS), "cards"]) localStorage.removeItem(STORE + key); // "cards": before FSRS
      for (const url of Object.keys(quizEntries())) localStorage.removeItem(quizKey(url));
      message.textContent = "All your progress was deleted.";
      render();
    });
    root.append(wrap, review, chart, el("h2", { id: "study-plans" }, "Study plans"), plans,
      el("h2", { id: "your-data" }, "Your data"),
      el("p", {}, "Everything here is kept in this browser only. Export it to move it to another browser or to keep a copy."),
      el("p", { class: "progress-actions" }, exporter, " ", reset),
      el("p", {}, el("label", { for: "progress-import-file" }, "Import a progress file: "), file), message);
    render();
  }

  /* Paper: every collapsed answer and derivation is printed open (and closed again after printing). The
   * one-page guide (print_page/) opens them all when it loads: it exists to be printed. */
  const closedDetails = () => document.querySelectorAll("article details:not([open])");
  window.addEventListener("beforeprint", () => {
    for (const d of closedDetails()) { d.open = true; d.dataset.printOpened = "1"; }
  });
  window.addEventListener("afterprint", () => {
    for (const d of document.querySelectorAll("details[data-print-opened]")) { d.open = false; delete d.dataset.printOpened; }
  });

  /* A coding problem's timer: the interview's usual time limit (front matter `minutes`), counted down. */
  function problemTimer(box) {
    const limit = Number(box.dataset.minutes) * 60;
    const clock = el("span", { class: "coding-timer__clock", role: "timer", "aria-live": "off" });
    const status = el("span", { class: "coding-timer__status", role: "status" });
    const start = el("button", { class: "md-button md-button--primary", type: "button" });
    const reset = el("button", { class: "md-button", type: "button" }, "Reset");
    let left = limit, ticking = null;
    const show = () => {
      const m = Math.floor(left / 60), s = left % 60;
      clock.textContent = `${m}:${String(s).padStart(2, "0")}`;
      start.textContent = ticking ? "Pause" : left === limit ? `Start the ${limit / 60}-minute timer` : "Resume";
    };
    const stop = () => { clearInterval(ticking); ticking = null; };
    start.addEventListener("click", () => {
      if (ticking) stop();
      else if (left > 0) {
        status.textContent = "";
        ticking = setInterval(() => {
          left -= 1;
          if (left <= 0) { left = 0; stop(); status.textContent = "Time is up: run the tests and see where you are."; }
          show();
        }, 1000);
      }
      show();
    });
    reset.addEventListener("click", () => { stop(); left = limit; status.textContent = ""; show(); });
    show();
    box.append(el("p", { class: "coding-timer__controls" }, start, " ", reset, " ", clock, " ", status));
  }

  function init() {
    for (const box of document.querySelectorAll(".coding-timer[data-minutes]")) {
      if (!box.dataset.ready) { box.dataset.ready = "1"; problemTimer(box); }
    }
    if (document.getElementById("print-site-page")) for (const d of closedDetails()) d.open = true;
    problems.clear();
    const once = (node) => node && !node.dataset.ready && (node.dataset.ready = "1");
    for (const box of document.querySelectorAll(".page-progress[data-page]")) if (once(box)) pageMark(box);
    for (const mark of document.querySelectorAll(".plan-day[data-plan]")) if (once(mark)) planDay(mark);
    const due = document.getElementById("practice-due");
    if (once(due)) dueToday(due);
    const cards = embedded("practice-cards");
    const fc = document.getElementById("practice-flashcards");
    if (cards && once(fc)) {
      loadFsrs().then((FSRS) => flashcards(fc, cards, FSRS), (e) => {
        fc.append(el("p", { role: "alert" }, `The flashcards could not start: ${e.message}.`));
      });
    }
    const mi = document.getElementById("practice-mock-interview");
    if (cards && once(mi)) mockInterview(mi, cards);
    const data = embedded("practice-progress");
    const pr = document.getElementById("practice-progress-page");
    if (data && once(pr)) progress(pr, data);
  }

  if (typeof document$ !== "undefined") document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
