// Leaflet maps for the LeafletMap component. Leaflet is served by the portal itself (wwwroot/lib/leaflet, restored from
// npm at build time) and loaded the first time a page shows a map.
let leaflet;

function load() {
    leaflet ??= new Promise((resolve, reject) => {
        const css = document.createElement("link");
        css.rel = "stylesheet";
        css.href = new URL("./lib/leaflet/leaflet.css", import.meta.url).href;
        document.head.append(css);
        const script = document.createElement("script");
        script.src = new URL("./lib/leaflet/leaflet.js", import.meta.url).href;
        script.onload = () => resolve(window.L);
        script.onerror = () => reject(new Error("Leaflet could not be loaded."));
        document.head.append(script);
    });
    return leaflet;
}

export async function create(element, tiles) {
    const L = await load();
    // China, whole, until the markers say where to look.
    const map = L.map(element, { center: [35, 105], zoom: 4, zoomSnap: 0.5 });
    if (tiles.url) {
        L.tileLayer(tiles.url, { subdomains: tiles.subdomains, attribution: tiles.attribution, maxZoom: tiles.maxZoom }).addTo(map);
    }

    return { L, map, layer: L.featureGroup().addTo(map) };
}

export function show(handle, markers, route) {
    const { L, map, layer } = handle;
    layer.clearLayers();
    if (route !== "None" && markers.length > 1) {
        const line = markers.map(m => [m.latitude, m.longitude]);
        if (route === "BackToFirst") {
            line.push(line[0]);
        }

        L.polyline(line, { color: "#1565c0", weight: 3, opacity: 0.8 }).addTo(layer);
    }

    for (const m of markers) {
        const html = document.createElement("span");
        html.setAttribute("aria-hidden", "true");
        html.textContent = m.label;
        const icon = L.divIcon({ className: `map-marker ${m.cssClass}`, html, iconSize: [28, 28], iconAnchor: [14, 14], popupAnchor: [0, -14] });
        L.marker([m.latitude, m.longitude], { icon, title: m.name, keyboard: true }).bindPopup(() => popup(m)).addTo(layer);
    }

    if (markers.length > 0) {
        map.fitBounds(layer.getBounds(), { padding: [32, 32], maxZoom: 15 });
    }
}

// Built from text nodes: names and addresses are user data, never HTML.
function popup(m) {
    const content = document.createElement("div");
    const title = document.createElement(m.href ? "a" : "strong");
    title.textContent = m.name;
    if (m.href) {
        title.href = m.href;
    }

    content.append(title);
    if (m.detail) {
        const detail = document.createElement("div");
        detail.textContent = m.detail;
        content.append(detail);
    }

    return content;
}

export function dispose(handle) {
    handle.map.remove();
}
