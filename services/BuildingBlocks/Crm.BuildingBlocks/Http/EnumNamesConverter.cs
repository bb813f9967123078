using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crm.BuildingBlocks.Http;

/// <summary>
/// Enums in JSON by name only, one name per value. <see cref="JsonStringEnumConverter"/> alone also reads integers
/// (99, -5) and comma-separated names ("Dealer, Retailer" reads as the bitwise OR of the two, which for most enums is
/// another defined member), so any of them would bind and be stored. Writing is unchanged: the member's name.
/// </summary>
public sealed class EnumNamesConverter : JsonConverterFactory
{
    private readonly JsonStringEnumConverter names = new(allowIntegerValues: false);

    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(OneName<>).MakeGenericType(typeToConvert), names.CreateConverter(typeToConvert, options))!;

    private sealed class OneName<T>(JsonConverter inner) : JsonConverter<T> where T : struct, Enum
    {
        private readonly JsonConverter<T> byName = (JsonConverter<T>)inner;

        private static readonly string[] Names = Enum.GetNames<T>();

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            var name = Array.Find(Names, n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
            return name is null ? throw new JsonException($"Not one of {string.Join(", ", Names)}.") : Enum.Parse<T>(name);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => byName.Write(writer, value, options);

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            byName.ReadAsPropertyName(ref reader, typeToConvert, options);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            byName.WriteAsPropertyName(writer, value, options);
    }
}
