using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Crm.BuildingBlocks.Security;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Crm.Gateway.Tests;

/// <summary>
/// The portal's way in, spoken as a browser and an OIDC client would: the authorization code flow with PKCE through the
/// sign-in page, refresh tokens, and signing out everywhere.
/// </summary>
public sealed partial class AuthorizationCodeFlowTests(AuthorizationCodeFlowTests.Fixture fixture) : IClassFixture<AuthorizationCodeFlowTests.Fixture>
{
    private const string Portal = "https://portal.example";
    private const string RedirectUri = Portal + "/signin-oidc";

    public sealed class Fixture : IAsyncLifetime
    {
        public GatewayTestHost Gateway { get; private set; } = null!;

        public async Task InitializeAsync() => Gateway = await GatewayTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Gateway:Portal:Origins:0"] = Portal,
        });

        public async Task DisposeAsync() => await Gateway.DisposeAsync();
    }

    /// <summary>A browser's cookie jar over the in-process server, which follows no redirects and keeps no cookies itself.</summary>
    private sealed class Browser(HttpClient client)
    {
        private readonly CookieContainer cookies = new();
        private static readonly Uri Origin = new("http://localhost/");

        public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, HttpContent? content = null)
        {
            using var request = new HttpRequestMessage(method, url) { Content = content };
            if (cookies.GetCookieHeader(Origin) is { Length: > 0 } cookieHeader)
            {
                request.Headers.Add("Cookie", cookieHeader);
            }

            var response = await client.SendAsync(request);
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                cookies.SetCookies(Origin, header.Replace("; samesite=lax", "", StringComparison.OrdinalIgnoreCase));
            }

            return response;
        }

        public Task<HttpResponseMessage> GetAsync(string url) => SendAsync(HttpMethod.Get, url);
    }

    private sealed record Pkce(string Verifier, string Challenge)
    {
        public static Pkce Create()
        {
            var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
            return new Pkce(verifier, Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
        }
    }

    private static string AuthorizeUrl(Pkce pkce, string redirectUri = RedirectUri, string? uiLocales = null) =>
        QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = "crm-portal",
            ["response_type"] = "code",
            ["redirect_uri"] = redirectUri,
            ["scope"] = "openid profile offline_access crm-api",
            ["state"] = "state-1",
            ["code_challenge"] = pkce.Challenge,
            ["code_challenge_method"] = "S256",
            ["ui_locales"] = uiLocales,
        }.Where(p => p.Value is not null));

    /// <summary>Follows the provider's redirects from the authorization request to the code handed to the portal.</summary>
    private async Task<(Browser Browser, string Code)> SignInThroughThePage(string userName, Pkce pkce)
    {
        var browser = new Browser(fixture.Gateway.Client());
        var toSignIn = await browser.GetAsync(AuthorizeUrl(pkce));
        Assert.Equal(HttpStatusCode.Redirect, toSignIn.StatusCode);
        var signInUrl = toSignIn.Headers.Location!.OriginalString;
        Assert.StartsWith("/account/signin?", signInUrl, StringComparison.Ordinal);

        var page = await (await browser.GetAsync(signInUrl)).Content.ReadAsStringAsync();
        var signedIn = await browser.SendAsync(HttpMethod.Post, "/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Hidden(page, "__RequestVerificationToken"),
            ["returnUrl"] = WebUtility.HtmlDecode(Hidden(page, "returnUrl")),
            ["userName"] = userName,
            ["password"] = "Crm-demo-2026",
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var toPortal = await browser.GetAsync(signedIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, toPortal.StatusCode);
        var callback = toPortal.Headers.Location!;
        Assert.Equal(RedirectUri, callback.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(callback.Query);
        Assert.Equal("state-1", query["state"].ToString());
        return (browser, query["code"].ToString());
    }

    private static string Hidden(string html, string name) =>
        Regex.Match(html, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"").Groups[1].Value;

    private Task<HttpResponseMessage> Redeem(string code, string verifier) =>
        fixture.Gateway.Client().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = "crm-portal",
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["code_verifier"] = verifier,
        }));

    private Task<HttpResponseMessage> Refresh(string refreshToken) =>
        fixture.Gateway.Client().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = "crm-portal",
            ["refresh_token"] = refreshToken,
        }));

    [Fact]
    public async Task the_portal_signs_a_user_in_with_a_code_and_pkce_and_gets_tokens_the_services_accept()
    {
        var pkce = Pkce.Create();
        var (_, code) = await SignInThroughThePage("manager.east", pkce);

        var response = await Redeem(code, pkce.Verifier);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tokens = await response.Content.ReadFromJsonAsync<JsonElement>();
        var identity = new JsonWebToken(tokens.GetProperty("id_token").GetString());
        Assert.Equal("manager.east", identity.GetClaim(PlatformClaims.Subject).Value);
        Assert.Equal(Roles.BranchManager, identity.GetClaim(PlatformClaims.Role).Value);
        Assert.Equal("EAST", identity.GetClaim(PlatformClaims.Region).Value);
        Assert.True(tokens.TryGetProperty("refresh_token", out _));
        var accessToken = tokens.GetProperty("access_token").GetString()!;
        Assert.Equal("manager.east", await fixture.Gateway.Client(accessToken).GetStringAsync(GatewayTestHost.ProbePath));
    }

    [Fact]
    public async Task a_code_without_its_verifier_or_used_twice_is_refused()
    {
        var pkce = Pkce.Create();
        var (_, code) = await SignInThroughThePage("rep.north", pkce);

        var wrongVerifier = await Redeem(code, Pkce.Create().Verifier);

        Assert.Equal(HttpStatusCode.BadRequest, wrongVerifier.StatusCode);
        Assert.Equal("invalid_grant", (await wrongVerifier.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());

        var pkce2 = Pkce.Create();
        var (_, code2) = await SignInThroughThePage("rep.north", pkce2);
        Assert.Equal(HttpStatusCode.OK, (await Redeem(code2, pkce2.Verifier)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Redeem(code2, pkce2.Verifier)).StatusCode);
    }

    [Fact]
    public async Task a_redirect_address_the_portal_did_not_register_gets_no_code()
    {
        var browser = new Browser(fixture.Gateway.Client());

        var response = await browser.GetAsync(AuthorizeUrl(Pkce.Create(), redirectUri: "https://attacker.example/signin-oidc"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task a_refresh_token_renews_the_access_token_and_signing_out_everywhere_revokes_it()
    {
        var pkce = Pkce.Create();
        var (browser, code) = await SignInThroughThePage("director.east", pkce);
        var tokens = await (await Redeem(code, pkce.Verifier)).Content.ReadFromJsonAsync<JsonElement>();

        var renewed = await Refresh(tokens.GetProperty("refresh_token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        var renewedTokens = await renewed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("director.east", await fixture.Gateway.Client(renewedTokens.GetProperty("access_token").GetString()).GetStringAsync(GatewayTestHost.ProbePath));

        // Another browser with its own session at the provider, and a device signed in with the password grant.
        var (otherBrowser, _) = await SignInThroughThePage("director.east", Pkce.Create());
        var otherDevice = await (await fixture.Gateway.Client().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = "director.east", ["password"] = "Crm-demo-2026", ["scope"] = "offline_access",
        }))).Content.ReadFromJsonAsync<JsonElement>();

        var signOut = await browser.GetAsync(QueryHelpers.AddQueryString("/connect/endsession", new Dictionary<string, string?>
        {
            ["id_token_hint"] = renewedTokens.GetProperty("id_token").GetString(),
            ["post_logout_redirect_uri"] = Portal + "/signout-callback-oidc",
        }));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.StartsWith(Portal + "/signout-callback-oidc", signOut.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await Refresh(renewedTokens.GetProperty("refresh_token").GetString()!)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Refresh(otherDevice.GetProperty("refresh_token").GetString()!)).StatusCode);

        // The provider's sessions are over too, on both browsers: the next authorization request asks for the password.
        foreach (var signedOut in new[] { browser, otherBrowser })
        {
            var again = await signedOut.GetAsync(AuthorizeUrl(Pkce.Create()));
            Assert.StartsWith("/account/signin?", again.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task the_sign_in_page_is_chinese_by_default_english_on_request_and_a_wrong_password_is_shown_on_the_form()
    {
        var browser = new Browser(fixture.Gateway.Client());
        var chinese = await (await browser.GetAsync("/account/signin?returnUrl=%2F")).Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"zh-CN\">", chinese, StringComparison.Ordinal);
        Assert.Contains("用户名", chinese, StringComparison.Ordinal);

        var english = await (await browser.GetAsync("/account/signin?returnUrl=%2F&culture=en")).Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains("User name", english, StringComparison.Ordinal);

        var wrong = await browser.SendAsync(HttpMethod.Post, "/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Hidden(english, "__RequestVerificationToken"),
            ["returnUrl"] = "https://attacker.example/",
            ["userName"] = "rep.east2",
            ["password"] = "not-the-password",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var form = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("role=\"alert\"", form, StringComparison.Ordinal);
        Assert.Contains("The user name or password is wrong", form, StringComparison.Ordinal);
        Assert.Contains("name=\"returnUrl\" value=\"/\"", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_sign_in_without_the_forms_antiforgery_token_is_refused()
    {
        var response = await new Browser(fixture.Gateway.Client()).SendAsync(HttpMethod.Post, "/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["returnUrl"] = "/", ["userName"] = "rep.east2", ["password"] = "Crm-demo-2026",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("crm.identity=", StringComparison.Ordinal));
    }
}
