import type { NotableUser } from "./schema";

export type CatalogEntry = {
  slug: string;
  name: string;
  language: string;
  runtime: string | null;
  description: string;
  website: string;
  notableUsers: NotableUser[];
};

// The framework catalog every team shortlists from. Companies and their uses are as a 2024
// product owner's survey of backend frameworks reported them.
export const FRAMEWORK_CATALOG: readonly CatalogEntry[] = [
  {
    slug: "django",
    name: "Django",
    language: "Python",
    runtime: null,
    description:
      "A batteries-included Python framework: ORM, migrations, admin site, authentication and forms come in the box, so a team ships a data-heavy product quickly and safely.",
    website: "https://www.djangoproject.com",
    notableUsers: [
      { name: "Instagram", usage: "serving millions of active users" },
      { name: "Pinterest", usage: "rapid development and scalability" },
      { name: "Disqus", usage: "real-time commenting" },
    ],
  },
  {
    slug: "express",
    name: "Express",
    language: "JavaScript",
    runtime: "Node.js",
    description:
      "The minimal, unopinionated HTTP layer of the Node.js world: routing plus middleware, with everything else chosen from npm. Small core, huge ecosystem.",
    website: "https://expressjs.com",
    notableUsers: [
      { name: "Uber", usage: "scalability and fast execution" },
      { name: "LinkedIn", usage: "its mobile server" },
      { name: "Accenture", usage: "enterprise projects" },
    ],
  },
  {
    slug: "laravel",
    name: "Laravel",
    language: "PHP",
    runtime: null,
    description:
      "PHP's most popular full-stack framework, known for an expressive API, the Eloquent ORM, queues and first-party tooling for everything from auth to deployment.",
    website: "https://laravel.com",
    notableUsers: [
      { name: "Deltanet Travel", usage: "its booking system" },
      { name: "Neighbourhood Lender", usage: "loan management" },
      { name: "Alison", usage: "an e-learning platform" },
    ],
  },
  {
    slug: "spring-boot",
    name: "Spring Boot",
    language: "Java",
    runtime: "JVM",
    description:
      "Convention-over-configuration on top of the Spring ecosystem: production-ready Java services with embedded servers, metrics and a vast set of integrations.",
    website: "https://spring.io/projects/spring-boot",
    notableUsers: [
      { name: "Netflix", usage: "microservices" },
      { name: "Amazon", usage: "enterprise applications" },
      { name: "eBay", usage: "scalable services" },
    ],
  },
  {
    slug: "rails",
    name: "Ruby on Rails",
    language: "Ruby",
    runtime: null,
    description:
      "The framework that made convention over configuration famous: generators, Active Record and a strong house style let small teams move very fast.",
    website: "https://rubyonrails.org",
    notableUsers: [
      { name: "GitHub", usage: "development efficiency" },
      { name: "Shopify", usage: "e-commerce" },
      { name: "Basecamp", usage: "project management" },
    ],
  },
  {
    slug: "aspnet-core",
    name: "ASP.NET Core",
    language: "C#",
    runtime: ".NET",
    description:
      "Microsoft's cross-platform, open-source web framework for .NET: strongly typed, very fast in benchmarks, with first-class tooling and long-term support releases.",
    website: "https://dotnet.microsoft.com/apps/aspnet",
    notableUsers: [
      { name: "Stack Overflow", usage: "its Q&A platform" },
      { name: "Microsoft", usage: "internal and external applications" },
      { name: "GoDaddy", usage: "hosting services" },
    ],
  },
  {
    slug: "flask",
    name: "Flask",
    language: "Python",
    runtime: null,
    description: "A micro-framework for Python: a tiny core for routing and requests, with extensions for the rest. Well suited to small services and APIs.",
    website: "https://flask.palletsprojects.com",
    notableUsers: [
      { name: "Pinterest", usage: "web services" },
      { name: "LinkedIn", usage: "internal services" },
      { name: "Uber", usage: "microservices" },
    ],
  },
  {
    slug: "phoenix",
    name: "Phoenix",
    language: "Elixir",
    runtime: "BEAM",
    description:
      "Elixir's web framework on the Erlang VM: channels and LiveView make real-time features natural, and the BEAM keeps huge numbers of connections cheap and fault-tolerant.",
    website: "https://www.phoenixframework.org",
    notableUsers: [
      { name: "Discord", usage: "real-time chat" },
      { name: "Bleacher Report", usage: "live updates" },
      { name: "Financial Times", usage: "real-time services" },
    ],
  },
  {
    slug: "nestjs",
    name: "NestJS",
    language: "TypeScript",
    runtime: "Node.js",
    description:
      "A structured TypeScript framework for Node.js with modules, dependency injection and decorators, giving large teams an Angular-like architecture on the server.",
    website: "https://nestjs.com",
    notableUsers: [
      { name: "Adidas", usage: "scalable, maintainable applications" },
      { name: "Capgemini", usage: "enterprise projects" },
      { name: "Autodesk", usage: "APIs and microservices" },
    ],
  },
  {
    slug: "koa",
    name: "Koa",
    language: "JavaScript",
    runtime: "Node.js",
    description: "A lean Node.js framework from the people behind Express, built around async functions and a tiny middleware core with no bundled extras.",
    website: "https://koajs.com",
    notableUsers: [
      { name: "Automattic (WordPress.com)", usage: "parts of its applications" },
      { name: "Financial Times", usage: "a lightweight, flexible architecture" },
      { name: "LogRocket", usage: "efficient web applications" },
    ],
  },
];

/** The default decision criteria: the factors a team weighs when choosing a backend framework. */
export const DEFAULT_CRITERIA: readonly { name: string; description: string }[] = [
  { name: "Project requirements", description: "Does it provide the features this product needs?" },
  { name: "Team expertise", description: "How comfortable is the team with it, or how willing to learn?" },
  { name: "Scalability", description: "How well does it handle the traffic and growth we expect?" },
  { name: "Community support", description: "How much help, documentation and troubleshooting is out there?" },
  { name: "Popularity", description: "How many libraries and tools are available for it?" },
];
