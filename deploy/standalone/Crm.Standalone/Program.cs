using Crm.Standalone;

StandaloneHost.Build(args).Run();
