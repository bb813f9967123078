using Crm.IntegrationEvents;

namespace Crm.BuildingBlocks.Geo;

/// <summary>A position in degrees, in whichever datum its source used (see <see cref="Datums"/>).</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude);

/// <summary>
/// Conversions between the three datums found on Chinese maps. GCJ-02 is WGS-84 shifted by the published obfuscation
/// formula (100–700 m inside China, none outside); BD-09 is GCJ-02 shifted again by Baidu's formula. The reverse
/// directions have no exact closed form (the usual one-step reverses are off by up to 4 m for GCJ-02 and about 0.1 m
/// for BD-09), so both invert the forward shift by fixed-point iteration to well under a centimetre.
/// </summary>
public static class Datums
{
    // Krasovsky 1940, the ellipsoid the GCJ-02 formula is written on.
    private const double A = 6378245.0;
    private const double Ee = 0.00669342162296594323;
    private const double XPi = Math.PI * 3000.0 / 180.0;

    // About 0.01 mm, well below the 0.01 m the inversions must reach; each iteration gains about three digits.
    private const double ConvergedDegrees = 1e-10;
    private const int MaxIterations = 10;

    public static GeoPoint ToWgs84(GeoPoint p, CoordinateDatum datum) => datum switch
    {
        CoordinateDatum.Wgs84 => p,
        CoordinateDatum.Gcj02 => IsInChina(p) ? Invert(Wgs84ToGcj02, p, p) : p,
        CoordinateDatum.Bd09 => ToWgs84(Invert(Gcj02ToBd09, p, Bd09ToGcj02Approximately(p)), CoordinateDatum.Gcj02),
        _ => throw new ArgumentOutOfRangeException(nameof(datum), datum, "Unknown datum."),
    };

    public static GeoPoint FromWgs84(GeoPoint p, CoordinateDatum datum) => datum switch
    {
        CoordinateDatum.Wgs84 => p,
        CoordinateDatum.Gcj02 => Wgs84ToGcj02(p),
        CoordinateDatum.Bd09 => Gcj02ToBd09(Wgs84ToGcj02(p)),
        _ => throw new ArgumentOutOfRangeException(nameof(datum), datum, "Unknown datum."),
    };

    /// <summary>The rough box the published formula uses for "in China"; GCJ-02 is WGS-84 outside it.</summary>
    public static bool IsInChina(GeoPoint p) =>
        p.Longitude is >= 72.004 and <= 137.8347 && p.Latitude is >= 0.8293 and <= 55.8271;

    private static GeoPoint Wgs84ToGcj02(GeoPoint p)
    {
        if (!IsInChina(p))
        {
            return p;
        }

        var x = p.Longitude - 105.0;
        var y = p.Latitude - 35.0;
        var dLat = ShiftLatitude(x, y);
        var dLon = ShiftLongitude(x, y);
        var radLat = p.Latitude / 180.0 * Math.PI;
        var magic = 1 - Ee * Math.Sin(radLat) * Math.Sin(radLat);
        var sqrtMagic = Math.Sqrt(magic);
        dLat = dLat * 180.0 / (A * (1 - Ee) / (magic * sqrtMagic) * Math.PI);
        dLon = dLon * 180.0 / (A / sqrtMagic * Math.Cos(radLat) * Math.PI);
        return new GeoPoint(p.Latitude + dLat, p.Longitude + dLon);
    }

    /// <summary>
    /// The point whose image under <paramref name="shift"/> is <paramref name="target"/>: p ← p − (shift(p) − target).
    /// It converges because both shifts change by about a thousandth of a metre per metre moved.
    /// </summary>
    private static GeoPoint Invert(Func<GeoPoint, GeoPoint> shift, GeoPoint target, GeoPoint guess)
    {
        var p = guess;
        for (var i = 0; i < MaxIterations; i++)
        {
            var image = shift(p);
            var dLat = image.Latitude - target.Latitude;
            var dLon = image.Longitude - target.Longitude;
            p = new GeoPoint(p.Latitude - dLat, p.Longitude - dLon);
            if (Math.Abs(dLat) < ConvergedDegrees && Math.Abs(dLon) < ConvergedDegrees)
            {
                break;
            }
        }

        return p;
    }

    private static GeoPoint Gcj02ToBd09(GeoPoint p)
    {
        var x = p.Longitude;
        var y = p.Latitude;
        var z = Math.Sqrt(x * x + y * y) + 0.00002 * Math.Sin(y * XPi);
        var theta = Math.Atan2(y, x) + 0.000003 * Math.Cos(x * XPi);
        return new GeoPoint(z * Math.Sin(theta) + 0.006, z * Math.Cos(theta) + 0.0065);
    }

    /// <summary>Baidu's published reverse, about 0.1 m off: the first guess of <see cref="Invert"/>.</summary>
    private static GeoPoint Bd09ToGcj02Approximately(GeoPoint p)
    {
        var x = p.Longitude - 0.0065;
        var y = p.Latitude - 0.006;
        var z = Math.Sqrt(x * x + y * y) - 0.00002 * Math.Sin(y * XPi);
        var theta = Math.Atan2(y, x) - 0.000003 * Math.Cos(x * XPi);
        return new GeoPoint(z * Math.Sin(theta), z * Math.Cos(theta));
    }

    private static double ShiftLatitude(double x, double y)
    {
        var ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.Sqrt(Math.Abs(x));
        ret += (20.0 * Math.Sin(6.0 * x * Math.PI) + 20.0 * Math.Sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.Sin(y * Math.PI) + 40.0 * Math.Sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (160.0 * Math.Sin(y / 12.0 * Math.PI) + 320 * Math.Sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return ret;
    }

    private static double ShiftLongitude(double x, double y)
    {
        var ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.Sqrt(Math.Abs(x));
        ret += (20.0 * Math.Sin(6.0 * x * Math.PI) + 20.0 * Math.Sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.Sin(x * Math.PI) + 40.0 * Math.Sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (150.0 * Math.Sin(x / 12.0 * Math.PI) + 300.0 * Math.Sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return ret;
    }
}

/// <summary>Distance along the Earth's surface, on a sphere: within 0.5 % of the ellipsoid, enough to plan a day's visits.</summary>
public static class GreatCircle
{
    /// <summary>The IUGG mean Earth radius.</summary>
    public const double EarthRadiusMeters = 6_371_008.8;

    /// <summary>Haversine distance in metres; both points must be in the same datum.</summary>
    public static double Meters(GeoPoint a, GeoPoint b)
    {
        var lat1 = a.Latitude * Math.PI / 180.0;
        var lat2 = b.Latitude * Math.PI / 180.0;
        var dLat = lat2 - lat1;
        var dLon = (b.Longitude - a.Longitude) * Math.PI / 180.0;
        var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(lat1) * Math.Cos(lat2) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1.0, Math.Sqrt(h)));
    }
}
