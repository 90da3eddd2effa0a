// The result page (/diagnoses/{reference}) is static HTML with enhanced navigation: no circuit unless the person asks
// an agent for help (then only the live-assist panel is an interactive island). What its clicks did on a circuit is
// here, by delegation on the document, so it keeps working after every enhanced navigation or form post:
// - [data-wh-copy] copies its value to the clipboard and shows MudBlazor's "copied" snackbar (text in data-wh-copied);
// - [data-wh-print] opens the print dialog;
// - [data-wh-choose] ("was this helpful?" yes / no) marks the choice (aria-pressed, filled button), keeps it in the
//   form's [data-wh-choice-value] field and opens the box its aria-controls names, instead of posting the choice alone
//   (without this script the button posts the choice and the page comes back with the box open);
// - MudBlazor expansion panels rendered without a circuit (.mud-expand-panel inside a static page) open and close on
//   a click, Enter or Space on their header, with MudBlazor's own classes.
// Antiforgery tokens for the page's forms and the render-state marker are wwwroot/js/reader.js's.
(function () {
    "use strict";

    function isStaticPage() {
        const m = document.querySelector("[data-testid='render-state']");
        return !!m && m.dataset.staticPage === "true";
    }

    function closestIn(event, selector) {
        return event.target && event.target.closest ? event.target.closest(selector) : null;
    }

    // --- copy ----------------------------------------------------------------------------------------------------------
    let snackbarTimer = 0;

    function snackbar(text) {
        // MudSnackbarProvider renders its (empty) container on static pages too: a success snackbar in it, as MudBlazor draws one.
        const container = document.getElementById("mud-snackbar-container");
        if (!container) return;
        container.innerHTML = "";
        const bar = document.createElement("div");
        bar.className = "mud-snackbar mud-alert-filled-success";
        bar.setAttribute("role", "status");
        bar.setAttribute("data-testid", "copied");
        const message = document.createElement("div");
        message.className = "mud-snackbar-content-message";
        message.textContent = text;
        bar.appendChild(message);
        container.appendChild(bar);
        clearTimeout(snackbarTimer);
        snackbarTimer = setTimeout(function () { container.innerHTML = ""; }, 3000);
    }

    document.addEventListener("click", function (event) {
        const button = closestIn(event, "[data-wh-copy]");
        if (!button || !isStaticPage()) return;
        event.preventDefault();
        const value = button.getAttribute("data-wh-copy");
        const copied = button.getAttribute("data-wh-copied") || "";
        if (!navigator.clipboard || typeof navigator.clipboard.writeText !== "function") return; // the code stays visible and selectable
        navigator.clipboard.writeText(value).then(function () { snackbar(copied); }, function () { /* refused: nothing to say */ });
    });

    // --- print ---------------------------------------------------------------------------------------------------------
    document.addEventListener("click", function (event) {
        const button = closestIn(event, "[data-wh-print]");
        if (!button || !isStaticPage()) return;
        event.preventDefault();
        window.print();
    });

    // --- "was this helpful?" yes / no ----------------------------------------------------------------------------------
    function setFilled(button, filled) {
        // MudButton's variant classes: mud-button-outlined[-color[-size]] <-> mud-button-filled[-color[-size]].
        const from = filled ? "mud-button-outlined" : "mud-button-filled";
        const to = filled ? "mud-button-filled" : "mud-button-outlined";
        Array.from(button.classList).forEach(function (name) {
            if (name === from || name.indexOf(from + "-") === 0) {
                button.classList.replace(name, to + name.substring(from.length));
            }
        });
    }

    document.addEventListener("click", function (event) {
        const button = closestIn(event, "[data-wh-choose]");
        if (!button || !isStaticPage() || !button.form) return;
        event.preventDefault();
        const form = button.form;
        const value = button.getAttribute("data-wh-choose");
        const field = form.querySelector("[data-wh-choice-value]");
        if (field) {
            field.value = value;
            field.disabled = false;
        }
        form.querySelectorAll("[data-wh-choose]").forEach(function (other) {
            const chosen = other === button;
            other.setAttribute("aria-pressed", chosen ? "true" : "false");
            setFilled(other, chosen);
        });
        const more = document.getElementById(button.getAttribute("aria-controls") || "");
        if (more) more.hidden = false;
    }, true);

    // --- expansion panels ----------------------------------------------------------------------------------------------
    function togglePanel(header) {
        const panel = header.closest(".mud-expand-panel");
        if (!panel) return;
        const container = panel.querySelector(":scope > .mud-collapse-container");
        const icon = header.querySelector(".mud-expand-panel-icon");
        const open = !panel.classList.contains("mud-panel-expanded");
        panel.classList.toggle("mud-panel-expanded", open);
        if (icon) icon.classList.toggle("mud-transform", open);
        if (!container) return;
        if (open) {
            container.classList.remove("invisible", "mud-collapse-hidden");
            container.classList.add("mud-collapse-entering");
            setTimeout(function () {
                if (!panel.classList.contains("mud-panel-expanded")) return;
                container.classList.replace("mud-collapse-entering", "mud-collapse-entered");
            }, 300);
        } else {
            container.classList.remove("mud-collapse-entering", "mud-collapse-entered");
            // Hidden (also from screen readers) once the 300 ms animation is over, as MudCollapse does.
            setTimeout(function () {
                if (panel.classList.contains("mud-panel-expanded")) return;
                container.classList.add("invisible");
            }, 300);
        }
    }

    function panelHeader(event) {
        const header = closestIn(event, ".mud-expand-panel-header");
        if (!header || !isStaticPage()) return null;
        // A link or button inside the header keeps its own click.
        const control = event.target.closest("a, button, input, textarea, select");
        if (control && header.contains(control)) return null;
        return header;
    }

    document.addEventListener("click", function (event) {
        const header = panelHeader(event);
        if (header) togglePanel(header);
    });

    document.addEventListener("keydown", function (event) {
        if (event.key !== "Enter" && event.key !== " ") return;
        const header = panelHeader(event);
        if (!header || event.target !== header) return;
        event.preventDefault();
        togglePanel(header);
    });
})();
