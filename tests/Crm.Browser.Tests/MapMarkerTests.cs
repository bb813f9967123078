using Crm.BuildingBlocks.Geo;
using Crm.IntegrationEvents;
using Crm.Portal.Components.Shared;

namespace Crm.Browser.Tests;

/// <summary>Markers land where their customer is on whichever tiles the company configured (Portal:Map:TileDatum).</summary>
public sealed class MapMarkerTests
{
    // The Bund, Shanghai, in WGS-84 (what a phone's GPS says).
    private static readonly GeoPoint Bund = new(31.2400, 121.4900);

    [Fact]
    public void a_gps_position_is_shifted_onto_amap_or_tencent_tiles_which_are_drawn_in_gcj02()
    {
        var marker = new MapMarker(Bund.Latitude, Bund.Longitude, CoordinateDatum.Wgs84, "A", "Bund", "grade-A");

        var onAmap = marker.On(CoordinateDatum.Gcj02);

        Assert.InRange(GreatCircle.Meters(onAmap, Bund), 100, 700);
        Assert.Equal(Datums.FromWgs84(Bund, CoordinateDatum.Gcj02), onAmap);
        Assert.Equal(Bund, marker.On(CoordinateDatum.Wgs84));
    }

    [Fact]
    public void a_position_picked_on_amap_stays_put_on_amap_tiles_and_moves_back_onto_wgs84_tiles()
    {
        var picked = Datums.FromWgs84(Bund, CoordinateDatum.Gcj02);
        var marker = new MapMarker(picked.Latitude, picked.Longitude, CoordinateDatum.Gcj02, "B", "Bund", "grade-B");

        Assert.InRange(GreatCircle.Meters(marker.On(CoordinateDatum.Gcj02), picked), 0, 0.01);
        Assert.InRange(GreatCircle.Meters(marker.On(CoordinateDatum.Wgs84), Bund), 0, 0.01);
    }

    [Fact]
    public void a_baidu_position_lands_on_its_gps_point_on_wgs84_tiles()
    {
        var onBaidu = Datums.FromWgs84(Bund, CoordinateDatum.Bd09);
        var marker = new MapMarker(onBaidu.Latitude, onBaidu.Longitude, CoordinateDatum.Bd09, "C", "Bund", "grade-C");

        Assert.InRange(GreatCircle.Meters(marker.On(CoordinateDatum.Wgs84), Bund), 0, 0.01);
    }
}
