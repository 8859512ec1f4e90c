using AllexPortal.Web.Access;
using AllexPortal.Web.Audit;
using AllexPortal.Web.Components;
using AllexPortal.Web.Components.Account;
using AllexPortal.Web.Connections;
using AllexPortal.Web.Data;
using AllexPortal.Web.Demo;
using AllexPortal.Web.Exchange;
using AllexPortal.Web.ExchangeSignIn;
using AllexPortal.Web.Explorers;
using AllexPortal.Web.Health;
using AllexPortal.Web.History;
using AllexPortal.Web.Hosting;
using AllexPortal.Web.Ledger;
using AllexPortal.Web.Orders;
using AllexPortal.Web.Portfolio;
using AllexPortal.Web.Prices;
using AllexPortal.Web.Reports;
using AllexPortal.Web.Security;
using AllexPortal.Web.Teams;
using AllexPortal.Web.Trading;

var builder = WebApplication.CreateBuilder(args);

builder.UsePortalDefaultUrl();
builder.AddPortalData();
builder.AddPortalDataProtection();
builder.AddPortalIdentity();
builder.AddPortalSecurity();
builder.AddPortalUi();
builder.AddPortalExchange();
builder.AddPortalAccess();
builder.AddPortalAudit();
builder.AddPortalTeams();
builder.AddPortalConnections();
builder.AddPortalPortfolio();
builder.AddPortalPrices();
builder.AddPortalDemo();
builder.Services.AddPortalLedger();
builder.AddPortalHistory();
builder.AddPortalReports();
builder.AddPortalOrders();
builder.AddPortalExplorers();
builder.AddPortalTrading();
builder.AddPortalExchangeSignIn();

var app = builder.Build();

app.UsePortalDemoExchange();
app.UsePortalErrorPages();
app.UsePortalSecurity();
app.MapPortalUi();
app.MapPortalDemo();
app.MapPortalHistoryExports();
app.MapPortalReports();
app.MapPortalHealthChecks();
app.PrintAddressOnStart();

app.Run();
