using Crm.IntegrationEvents;
using Crm.BuildingBlocks.Geo;

namespace Crm.Platform.Tests;

public sealed class GeoTests
{
    // Tiananmen, the point the published implementations document (github.com/wandergis/coordtransform README, and
    // the Python port's README for WGS-84 → BD-09).
    private static readonly GeoPoint Tiananmen = new(39.915, 116.404);

    public static TheoryData<string, double, double> ChineseCities => new()
    {
        { "Beijing", 39.9042, 116.4074 },
        { "Shanghai", 31.2304, 121.4737 },
        { "Hangzhou", 30.2741, 120.1551 },
        { "Guangzhou", 23.1291, 113.2644 },
        { "Chengdu", 30.5728, 104.0668 },
        { "Urumqi", 43.8256, 87.6168 },
        { "Harbin", 45.8038, 126.5350 },
    };

    [Fact]
    public void Wgs84_to_gcj02_gives_the_published_value()
    {
        var gcj = Datums.FromWgs84(Tiananmen, CoordinateDatum.Gcj02);

        Assert.Equal(39.91640428150164, gcj.Latitude, 1e-12);
        Assert.Equal(116.41024449916938, gcj.Longitude, 1e-12);
    }

    [Fact]
    public void Wgs84_to_bd09_gives_the_published_value()
    {
        var bd = Datums.FromWgs84(Tiananmen, CoordinateDatum.Bd09);

        Assert.Equal(39.922699552216216, bd.Latitude, 1e-12);
        Assert.Equal(116.41662724378733, bd.Longitude, 1e-12);
    }

    [Fact]
    public void A_published_gcj02_point_converts_back_to_its_wgs84_origin_within_a_centimetre()
    {
        var wgs = Datums.ToWgs84(new GeoPoint(39.91640428150164, 116.41024449916938), CoordinateDatum.Gcj02);

        Assert.True(GreatCircle.Meters(wgs, Tiananmen) < 0.01, $"{wgs} is {GreatCircle.Meters(wgs, Tiananmen)} m from {Tiananmen}");
    }

    [Fact]
    public void A_published_bd09_point_converts_back_to_its_wgs84_origin_within_a_centimetre()
    {
        var wgs = Datums.ToWgs84(new GeoPoint(39.922699552216216, 116.41662724378733), CoordinateDatum.Bd09);

        Assert.True(GreatCircle.Meters(wgs, Tiananmen) < 0.01, $"{wgs} is {GreatCircle.Meters(wgs, Tiananmen)} m from {Tiananmen}");
    }

    [Theory]
    [MemberData(nameof(ChineseCities))]
    public void Inside_china_gcj02_is_shifted_by_100_to_700_metres_and_converts_back(string city, double latitude, double longitude)
    {
        var wgs = new GeoPoint(latitude, longitude);

        var gcj = Datums.FromWgs84(wgs, CoordinateDatum.Gcj02);
        var bd = Datums.FromWgs84(wgs, CoordinateDatum.Bd09);

        Assert.InRange(GreatCircle.Meters(wgs, gcj), 100, 700);
        Assert.True(GreatCircle.Meters(Datums.ToWgs84(gcj, CoordinateDatum.Gcj02), wgs) < 0.01, city);
        Assert.True(GreatCircle.Meters(Datums.ToWgs84(bd, CoordinateDatum.Bd09), wgs) < 0.01, city);
        // BD-09 adds roughly another 0.0065° east and 0.006° north on top of GCJ-02: about a kilometre.
        Assert.InRange(GreatCircle.Meters(gcj, bd), 700, 1_300);
    }

    [Theory]
    [InlineData(51.5007, -0.1246)] // London
    [InlineData(35.6586, 139.7454)] // Tokyo, just east of the box
    [InlineData(-33.8568, 151.2153)] // Sydney
    [InlineData(40.7484, -73.9857)] // New York
    public void Outside_china_gcj02_is_wgs84(double latitude, double longitude)
    {
        var wgs = new GeoPoint(latitude, longitude);

        Assert.Equal(wgs, Datums.FromWgs84(wgs, CoordinateDatum.Gcj02));
        Assert.Equal(wgs, Datums.ToWgs84(wgs, CoordinateDatum.Gcj02));
    }

    [Fact]
    public void Wgs84_is_left_as_it_is()
    {
        Assert.Equal(Tiananmen, Datums.ToWgs84(Tiananmen, CoordinateDatum.Wgs84));
        Assert.Equal(Tiananmen, Datums.FromWgs84(Tiananmen, CoordinateDatum.Wgs84));
    }

    [Fact]
    public void Beijing_to_shanghai_is_about_1067_km()
    {
        var meters = GreatCircle.Meters(new GeoPoint(39.9042, 116.4074), new GeoPoint(31.2304, 121.4737));

        Assert.InRange(meters, 1_064_000, 1_070_000);
    }

    [Fact]
    public void One_degree_of_latitude_is_about_111_2_km()
    {
        // On the mean radius: 6,371,008.8 m × π / 180 = 111,195.08 m.
        Assert.Equal(111_195.08, GreatCircle.Meters(new GeoPoint(30, 120), new GeoPoint(31, 120)), 0.01);
        Assert.Equal(0, GreatCircle.Meters(new GeoPoint(30, 120), new GeoPoint(30, 120)));
    }
}
