// WalletHelp wizard helpers: focus management and the in-browser connectivity check (feeds AP-NETWORK).

export function focusById(id) {
    const el = document.getElementById(id);
    if (!el) return false;
    const target = el.matches('input, textarea, select, button, h1, h2')
        ? el
        : (el.querySelector('input:not([type=hidden]), textarea, select, button') || el);
    target.focus({ preventScroll: false });
    if (target.scrollIntoView) target.scrollIntoView({ block: 'center' });
    return true;
}

// Live assist: an agent pointed at a field. Scroll it into view; the focus stays where the person is typing.
export function scrollToId(id) {
    const el = document.getElementById(id);
    if (!el) return false;
    const field = el.closest('.wh-field') || el;
    field.scrollIntoView({ block: 'center', behavior: 'smooth' });
    return true;
}

// Measures the round trip to the server `times` times; a failed request or being offline is "failed".
export async function checkNetwork(url, times) {
    if (!navigator.onLine) return { online: false, failed: true, times: [] };
    const measured = [];
    for (let i = 0; i < times; i++) {
        const started = performance.now();
        try {
            const controller = new AbortController();
            const timer = setTimeout(() => controller.abort(), 8000);
            const response = await fetch(url + (url.includes('?') ? '&' : '?') + 'probe=' + Date.now(),
                { cache: 'no-store', signal: controller.signal, credentials: 'omit' });
            clearTimeout(timer);
            if (!response.ok && response.status !== 503) return { online: true, failed: true, times: measured };
        } catch {
            return { online: true, failed: true, times: measured };
        }
        measured.push(Math.round(performance.now() - started));
    }
    return { online: true, failed: false, times: measured };
}

// The wizard's steps in the browser's history. The wizard is an interactive island on a static page: Blazor has no
// router in its circuit, and its own navigation would fetch and re-render the whole page for every step. So the
// wizard makes its history entries here (?step=N, state { whWizardStep }) and hears Back/Forward itself: a popstate
// that lands on the wizard's own path, while the wizard is on the page, goes to the wizard and not to Blazor's
// enhanced navigation; one that leaves the path (Back to the triage) is left to Blazor. The popstate listener itself
// is wwwroot/js/history-first.js, loaded before blazor.web.js so that it runs before Blazor's (on window, listeners
// run in the order they were added, capture or not); it calls the hook set here.
let historyHook = null;

export function setAddress(url, step, replace) {
    const state = { whWizardStep: step };
    if (replace) history.replaceState(state, '', url); else history.pushState(state, '', url);
}

export function watchHistory(wizard) {
    unwatchHistory();
    const path = location.pathname;
    historyHook = function () {
        if (location.pathname !== path || !document.querySelector("[data-testid='wizard-state']")) return false;
        const step = parseInt(new URLSearchParams(location.search).get('step') || '1', 10);
        wizard.invokeMethodAsync('StepFromHistory', isNaN(step) ? 1 : step).catch(() => { });
        return true;
    };
    window.whHistoryHook = historyHook;
}

export function unwatchHistory() {
    if (historyHook && window.whHistoryHook === historyHook) window.whHistoryHook = null;
    historyHook = null;
}
