// Loaded before blazor.web.js, on purpose. Listeners for an event on `window` run in the order they were added — a
// capture-phase listener does not run first there (window is not a node) — so Blazor's enhanced navigation, which
// adds its popstate listener when blazor.web.js starts, hears every Back/Forward before any listener added later and
// fetches and merges the whole page. For the wizard's own step entries (?step=N, made by wwwroot/js/wizard.js) that
// re-rendered the page around its island, and the island came back with older answers. So the one popstate listener
// added ahead of Blazor's asks the page's history hook (window.whHistoryHook, set by wizard.js while a wizard is on
// the page) first; when the hook takes the entry, Blazor never sees it.
(function () {
    "use strict";
    window.addEventListener("popstate", function (event) {
        const hook = window.whHistoryHook;
        let taken = false;
        try { taken = typeof hook === "function" && hook(event) === true; } catch (e) { taken = false; }
        if (taken) event.stopImmediatePropagation();
    });
})();
