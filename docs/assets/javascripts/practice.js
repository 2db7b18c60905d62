/* Practice tools of the ML interview guide: flashcards and the mock interview ("Check yourself" on the
 * question pages is mkdocs-quiz). Written by hand because no maintained MkDocs plugin offers flip cards with
 * progress or a timed mock interview; it is small, has no dependencies, and keeps all state in
 * localStorage (no server, no account, works offline). Re-initialised on every page by Material's
 * document$ observable, so it also works with instant navigation. */
(function () {
  "use strict";

  const STORE = "mlig:";
  const load = (key, fallback) => {
    try { return JSON.parse(localStorage.getItem(STORE + key)) ?? fallback; } catch (e) { return fallback; }
  };
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
  /* Material sets __md_scope to the site root; card URLs are relative to it. */
  const pageUrl = (c) => new URL(c.url, typeof __md_scope !== "undefined" ? __md_scope : location.href).href;
  const cardsOnPage = () => {
    const data = document.getElementById("practice-cards");
    return data ? JSON.parse(data.textContent) : null;
  };

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

  /* Flashcards: one card per question; flip with click, Enter or Space; grade; filter; progress. */
  function flashcards(root, cards) {
    const progress = load("cards", {});
    const filters = cardFilters(cards, "fc");
    const onlyAgain = el("input", { type: "checkbox", id: "fc-again" });
    const status = el("p", { class: "fc-status", "aria-live": "polite" });
    const card = el("div", { class: "fc-card", tabindex: "0", role: "button", "aria-pressed": "false" });
    const knew = el("button", { type: "button", class: "md-button md-button--primary" }, "Knew it");
    const again = el("button", { type: "button", class: "md-button" }, "Again");
    const next = el("button", { type: "button", class: "md-button" }, "Skip");
    const reset = el("button", { type: "button", class: "md-button fc-reset" }, "Reset progress");
    let deck = [], index = 0, flipped = false;

    const selection = () => cards.filter((c) => filters.matches(c) && (!onlyAgain.checked || progress[c.id] !== "knew"));
    const show = () => {
      flipped = false;
      card.classList.remove("fc-flipped");
      card.setAttribute("aria-pressed", "false");
      card.replaceChildren();
      const known = Object.values(progress).filter((v) => v === "knew").length;
      status.textContent = `${known} of ${cards.length} cards known · ${deck.length} in this selection`;
      if (!deck.length) { card.append(el("p", {}, "No card matches these filters.")); return; }
      const c = deck[index % deck.length];
      const front = el("div", { class: "fc-front" },
        el("p", { class: "fc-meta" }, `${c.round_title} · ${c.difficulty} · ${c.tags.join(", ")}`),
        el("p", { class: "fc-question" }, c.title),
        el("p", { class: "fc-hint" }, "Answer aloud, then flip the card."));
      const back = el("div", { class: "fc-back" }, html(c.answer), html(c.formula),
        el("p", {}, el("a", { href: pageUrl(c) }, "Read the full page")));
      card.append(front, back);
    };
    const flip = () => {
      if (!deck.length) return;
      flipped = !flipped;
      card.classList.toggle("fc-flipped", flipped);
      card.setAttribute("aria-pressed", String(flipped));
    };
    const grade = (value) => () => {
      if (deck.length) { progress[deck[index % deck.length].id] = value; save("cards", progress); }
      index += 1;
      show();
    };
    const refilter = () => { deck = selection(); index = 0; show(); };
    card.addEventListener("click", (e) => { if (!e.target.closest("a")) flip(); });
    card.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); flip(); }
    });
    knew.addEventListener("click", grade("knew"));
    again.addEventListener("click", grade("again"));
    next.addEventListener("click", () => { index += 1; show(); });
    reset.addEventListener("click", () => {
      for (const k of Object.keys(progress)) delete progress[k];
      save("cards", progress);
      refilter();
    });
    for (const control of [filters.round, filters.tag, filters.difficulty, onlyAgain]) control.addEventListener("change", refilter);
    root.append(
      el("div", { class: "fc-filters" }, filters.round, " ", filters.tag, " ", filters.difficulty, " ",
        el("label", { for: "fc-again" }, onlyAgain, " only cards not yet known")),
      status, card, el("div", { class: "fc-actions" }, knew, " ", again, " ", next, " ", reset));
    refilter();
  }

  /* Mock interview: a random question, a visible timer, reveal the answer and follow-ups on demand. */
  function mockInterview(root, cards) {
    const filters = cardFilters(cards, "mi");
    const draw = el("button", { type: "button", class: "md-button md-button--primary", id: "mi-draw" }, "Draw a question");
    const timer = el("p", { class: "mi-timer", role: "timer", "aria-live": "off" }, "0:00");
    const stage = el("div", { class: "mi-stage" });
    let ticking = null;
    const start = () => {
      const t0 = Date.now();
      clearInterval(ticking);
      const tick = () => {
        const s = Math.floor((Date.now() - t0) / 1000);
        timer.textContent = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
      };
      tick();
      ticking = setInterval(tick, 1000);
    };
    draw.addEventListener("click", () => {
      const pool = cards.filter(filters.matches);
      stage.replaceChildren();
      if (!pool.length) { stage.append(el("p", {}, "No question matches these filters.")); return; }
      const c = pool[Math.floor(Math.random() * pool.length)];
      const answer = el("div", { class: "mi-answer", hidden: "" }, el("h3", {}, "Short answer"), html(c.answer), html(c.formula));
      const followups = el("div", { class: "mi-followups", hidden: "" }, el("h3", {}, "Pitfalls and follow-ups"), html(c.followups));
      const reveal = (part, button) => () => { part.hidden = false; button.disabled = true; if (part === answer) clearInterval(ticking); };
      const showAnswer = el("button", { type: "button", class: "md-button", id: "mi-answer" }, "Reveal the short answer");
      const showFollowups = el("button", { type: "button", class: "md-button", id: "mi-followups" }, "Reveal the follow-ups");
      showAnswer.addEventListener("click", reveal(answer, showAnswer));
      showFollowups.addEventListener("click", reveal(followups, showFollowups));
      stage.append(
        el("p", { class: "fc-meta" }, `${c.round_title} · ${c.difficulty} · ${c.tags.join(", ")}`),
        el("p", { class: "mi-question" }, c.title),
        el("p", {}, el("a", { href: pageUrl(c) }, "Open the page")),
        el("div", {}, showAnswer, " ", showFollowups), answer, followups);
      start();
    });
    root.append(el("div", { class: "fc-filters" }, filters.round, " ", filters.tag, " ", filters.difficulty, " ", draw),
      timer, stage);
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
    const cards = cardsOnPage();
    const fc = document.getElementById("practice-flashcards");
    if (fc && cards && !fc.dataset.ready) { fc.dataset.ready = "1"; flashcards(fc, cards); }
    const mi = document.getElementById("practice-mock-interview");
    if (mi && cards && !mi.dataset.ready) { mi.dataset.ready = "1"; mockInterview(mi, cards); }
  }

  if (typeof document$ !== "undefined") document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
