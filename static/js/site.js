// The phone menu: a disclosure button with Escape to close and focus kept inside while open.
(function () {
    "use strict";
    var toggle = document.querySelector(".menu-toggle");
    var menu = document.getElementById("main-menu");
    if (!toggle || !menu) {
        return;
    }
    toggle.hidden = false;
    var narrow = window.matchMedia("(max-width: 47.99em)");

    function links() {
        return Array.prototype.slice.call(menu.querySelectorAll("a[href]"));
    }

    function setOpen(open) {
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
        menu.classList.toggle("is-open", open);
    }

    toggle.addEventListener("click", function () {
        var open = toggle.getAttribute("aria-expanded") !== "true";
        setOpen(open);
        if (open && links().length) {
            links()[0].focus();
        }
    });

    document.addEventListener("keydown", function (event) {
        if (!narrow.matches || toggle.getAttribute("aria-expanded") !== "true") {
            return;
        }
        if (event.key === "Escape") {
            setOpen(false);
            toggle.focus();
            return;
        }
        if (event.key !== "Tab") {
            return;
        }
        var focusable = [toggle].concat(links());
        var first = focusable[0];
        var last = focusable[focusable.length - 1];
        if (event.shiftKey && document.activeElement === first) {
            event.preventDefault();
            last.focus();
        } else if (!event.shiftKey && document.activeElement === last) {
            event.preventDefault();
            first.focus();
        }
    });

    narrow.addEventListener("change", function () {
        setOpen(false);
    });
})();
