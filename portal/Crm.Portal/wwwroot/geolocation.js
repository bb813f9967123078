// Where the rep's phone is, for check-in and check-out: the browser's geolocation (WGS-84), asked when the button is pressed.
export function currentPosition() {
    return new Promise((resolve, reject) => {
        if (!navigator.geolocation) {
            reject("unavailable");
            return;
        }

        navigator.geolocation.getCurrentPosition(
            p => resolve({ latitude: p.coords.latitude, longitude: p.coords.longitude }),
            e => reject(e.code === e.PERMISSION_DENIED ? "denied" : "unavailable"),
            { enableHighAccuracy: true, timeout: 15000, maximumAge: 0 });
    });
}
