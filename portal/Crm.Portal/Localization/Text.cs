namespace Crm.Portal.Localization;

/// <summary>The portal's texts: Text.resx is Chinese (the default), Text.en.resx English. Inject IStringLocalizer&lt;Text&gt;.</summary>
public sealed class Text;
