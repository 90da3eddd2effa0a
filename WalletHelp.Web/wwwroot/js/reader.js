// The readers' pages (home, triage, FAQ, status) are static HTML with Blazor's enhanced navigation: no circuit. The few
// things on them that need a script are wired here, by delegation, so they keep working after every enhanced
// navigation or form post (which replace the page's content but not this script):
// - the app bar's menu button opens and closes the navigation drawer (MudBlazor's own handler needs a circuit);
// - FAQ search as you type: the search form is a plain GET form (?q=); typing re-requests the page 300 ms after the
//   last key, replacing the history entry, while the box itself is kept (data-permanent) so nothing typed is lost;
// - forms marked data-wh-antiforgery get their antiforgery token when someone starts to use them (a cached page
//   cannot carry a token of its own: it would belong to another visitor);
// - a button marked data-wh-reveal opens the element it names instead of submitting (FAQ "no": the comment box);
// - an element marked data-wh-focus takes the focus when its page arrives (the triage's risk answer);
// - [data-testid=render-state] says data-interactive="true" once these handlers are in place (and the page's
//   interactive islands, [data-wh-island], are live), like interactive pages do once their circuit is up, and "false"
//   while a navigation away from a static page is under way.
(function () {
    "use strict";

    const desktop = window.matchMedia("(min-width: 960px)");

    function marker() {
        return document.querySelector("[data-testid='render-state']");
    }

    function isStaticPage() {
        const m = marker();
        return !!m && m.dataset.staticPage === "true";
    }

    // --- the navigation drawer -------------------------------------------------------------------------------------
    function drawer() {
        return document.querySelector(".mud-drawer");
    }

    function drawerShown(d) {
        return d.classList.contains("mud-drawer--open") && (desktop.matches || !d.classList.contains("mud-drawer--initial"));
    }

    function removeOverlay() {
        document.querySelectorAll("[data-wh-drawer-overlay]").forEach(function (o) { o.remove(); });
    }

    function setDrawer(open, remember) {
        const d = drawer();
        const layout = document.querySelector(".mud-layout");
        if (!d || !layout) return;
        d.classList.remove("mud-drawer--initial");
        d.classList.toggle("mud-drawer--open", open);
        d.classList.toggle("mud-drawer--closed", !open);
        layout.classList.toggle("mud-drawer-open-responsive-md-left", open && desktop.matches);
        removeOverlay();
        if (open && !desktop.matches) {
            // On a phone the drawer lies over the page: a click beside it or Escape closes it.
            const overlay = document.createElement("div");
            overlay.className = "mud-overlay mud-overlay-drawer";
            overlay.setAttribute("data-wh-drawer-overlay", "");
            overlay.setAttribute("aria-hidden", "true");
            overlay.innerHTML = '<div class="mud-overlay-scrim mud-overlay-dark"></div>';
            overlay.addEventListener("click", function () { setDrawer(false, false); });
            d.parentNode.insertBefore(overlay, d.nextSibling);
        }
        const button = document.querySelector("[data-testid='menu-button']");
        if (button) button.setAttribute("aria-expanded", drawerShown(d) ? "true" : "false");
        if (remember && desktop.matches) {
            try { sessionStorage.setItem("wh-drawer", open ? "open" : "closed"); } catch (e) { /* storage off */ }
        }
    }

    function restoreDrawer() {
        let closed = false;
        try { closed = sessionStorage.getItem("wh-drawer") === "closed"; } catch (e) { /* storage off */ }
        if (desktop.matches && closed) setDrawer(false, false);
        const d = drawer();
        const button = document.querySelector("[data-testid='menu-button']");
        if (d && button) button.setAttribute("aria-expanded", drawerShown(d) ? "true" : "false");
    }

    document.addEventListener("click", function (event) {
        if (!isStaticPage()) return;
        const button = event.target.closest && event.target.closest("[data-testid='menu-button']");
        if (!button) return;
        event.preventDefault();
        const d = drawer();
        if (d) setDrawer(!drawerShown(d), true);
    });

    document.addEventListener("keydown", function (event) {
        if (event.key !== "Escape" || !isStaticPage() || desktop.matches) return;
        const d = drawer();
        if (d && drawerShown(d)) {
            setDrawer(false, false);
            const button = document.querySelector("[data-testid='menu-button']");
            if (button) button.focus();
        }
    });

    // --- "reveal" buttons (FAQ "no": ask what was missing before sending) ---------------------------------------------
    document.addEventListener("click", function (event) {
        const button = event.target.closest && event.target.closest("[data-wh-reveal]");
        if (!button || !isStaticPage()) return;
        const target = document.getElementById(button.getAttribute("data-wh-reveal"));
        if (!target) return;
        // With the script the button opens the comment box; without it, it submits a plain "no".
        event.preventDefault();
        target.hidden = false;
        const hide = button.closest("[data-wh-reveal-hide]");
        if (hide) hide.hidden = true;
        const field = target.querySelector("textarea, input");
        if (field) field.focus();
    }, true);

    // --- leaving a static page: not ready until the next page says so -------------------------------------------------
    document.addEventListener("click", function (event) {
        if (!isStaticPage() || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
        const link = event.target.closest && event.target.closest("a[href]");
        if (!link || link.target || link.hasAttribute("download") || link.origin !== location.origin) return;
        if (link.pathname === location.pathname && link.search === location.search) return; // same page (#anchor)
        marker().dataset.interactive = "false";
    });

    // --- FAQ search as you type ------------------------------------------------------------------------------------
    let searchTimer = 0;

    function searchNow(input) {
        const form = input.form;
        if (!form) return;
        const query = input.value.trim();
        const url = new URL(form.action || location.href, location.href);
        url.search = query ? "?" + new URLSearchParams({ q: input.value }).toString() : "";
        url.hash = "";
        if (url.pathname + url.search === location.pathname + location.search) return;
        if (isStaticPage()) marker().dataset.interactive = "false";
        if (window.Blazor && typeof window.Blazor.navigateTo === "function") {
            window.Blazor.navigateTo(url.pathname + url.search, { replaceHistoryEntry: true });
        } else {
            location.replace(url.href);
        }
    }

    function searchSoon(input) {
        clearTimeout(searchTimer);
        searchTimer = setTimeout(function () { searchNow(input); }, 300);
    }

    document.addEventListener("input", function (event) {
        const input = event.target;
        if (!(input instanceof HTMLInputElement) || !input.hasAttribute("data-wh-search") || event.isComposing) return;
        searchSoon(input);
    });

    document.addEventListener("compositionend", function (event) {
        const input = event.target;
        if (input instanceof HTMLInputElement && input.hasAttribute("data-wh-search")) searchSoon(input);
    });


    // --- antiforgery tokens for forms on cacheable pages ----------------------------------------------------------------
    let tokenRequest = null;

    function fetchToken() {
        if (!tokenRequest) {
            tokenRequest = fetch("/antiforgery/token", { credentials: "same-origin", cache: "no-store" })
                .then(function (response) { return response.ok ? response.json() : null; })
                .catch(function () { return null; });
            tokenRequest.then(function (token) { if (!token) tokenRequest = null; });
        }
        return tokenRequest;
    }

    function fillToken(form, token) {
        if (!token || !token.token) return false;
        let field = form.querySelector("input[name='" + token.field + "']");
        if (!field) {
            field = document.createElement("input");
            field.type = "hidden";
            field.name = token.field;
            form.appendChild(field);
        }
        field.value = token.token;
        return true;
    }

    function tokenForm(target) {
        return target && target.closest ? target.closest("form[data-wh-antiforgery]") : null;
    }

    // Start fetching as soon as the form is touched, so a submit rarely has to wait.
    ["focusin", "pointerdown"].forEach(function (type) {
        document.addEventListener(type, function (event) {
            const form = tokenForm(event.target);
            if (form) fetchToken().then(function (token) { fillToken(form, token); });
        });
    });

    // --- form submits (capture phase: before Blazor's enhanced-form handler, which listens on the document too) --------
    document.addEventListener("submit", function (event) {
        const form = event.target;
        if (!(form instanceof HTMLFormElement)) return;
        const search = form.querySelector("input[data-wh-search]");
        if (search) {
            // Enter in the search box: search at once (the typed text stays in the permanent box).
            event.preventDefault();
            clearTimeout(searchTimer);
            searchNow(search);
            return;
        }
        if (form.hasAttribute("data-wh-antiforgery") && form.dataset.whTokenReady !== "true") {
            // Hold the submit until the token is in, then submit again with the same button.
            event.preventDefault();
            event.stopImmediatePropagation();
            const submitter = event.submitter;
            fetchToken().then(function (token) {
                if (!fillToken(form, token)) return;
                // Not in this callback: when the token is already there it runs while this submit event is still being
                // dispatched, and a form ignores requestSubmit() then (the second click of a form silently did nothing).
                setTimeout(function () {
                    form.dataset.whTokenReady = "true";
                    try {
                        if (submitter && submitter.form === form) form.requestSubmit(submitter); else form.requestSubmit();
                    } finally {
                        delete form.dataset.whTokenReady;
                    }
                }, 0);
            });
            return;
        }
        if (isStaticPage()) marker().dataset.interactive = "false";
    }, true);

    // --- ready -------------------------------------------------------------------------------------------------------

    function pageArrived() {
        if (!isStaticPage()) return;
        removeOverlay();
        restoreDrawer();
        const focus = document.querySelector("[data-wh-focus]");
        if (focus) focus.focus();
        islandsSettled();
    }

    // A static page may hold interactive islands (the wizard on /diagnose/{symptom}): an element marked
    // data-wh-island says data-interactive="true" once its circuit is up. The page counts as interactive when every
    // island does, as a page on a circuit does once it is live.
    function pendingIsland() {
        return document.querySelector("[data-wh-island]:not([data-interactive='true'])");
    }

    let islandWatch = null;

    function islandsSettled() {
        if (!pendingIsland()) {
            if (islandWatch) { islandWatch.disconnect(); islandWatch = null; }
            marker().dataset.interactive = "true";
            return;
        }
        marker().dataset.interactive = "false";
        if (islandWatch) return;
        islandWatch = new MutationObserver(function () {
            if (!isStaticPage() || pendingIsland()) return;
            islandWatch.disconnect();
            islandWatch = null;
            marker().dataset.interactive = "true";
        });
        islandWatch.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-interactive"] });
    }

    function whenBlazorIsThere(attempt) {
        if (window.Blazor && typeof window.Blazor.addEventListener === "function") {
            window.Blazor.addEventListener("enhancedload", pageArrived);
        } else if (attempt < 100) {
            setTimeout(function () { whenBlazorIsThere(attempt + 1); }, 50);
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", pageArrived);
    } else {
        pageArrived();
    }
    whenBlazorIsThere(0);
})();
