using System;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DigestBot.Storage.Migrations.Postgres;

[DbContext(typeof(PostgresDigestDbContext))]
partial class PostgresDigestDbContextModelSnapshot : ModelSnapshot
{
    protected override void BuildModel(ModelBuilder modelBuilder)
    {
        modelBuilder
            .HasAnnotation("ProductVersion", "10.0.14")
            .HasAnnotation("Relational:MaxIdentifierLength", 63);

        NpgsqlModelBuilderExtensions.UseIdentityByDefaultColumns(modelBuilder);

        modelBuilder.Entity("DigestBot.Storage.Article", b =>
        {
            b.Property<long>("Id")
                .ValueGeneratedOnAdd()
                .HasColumnType("bigint");

            NpgsqlPropertyBuilderExtensions.UseIdentityByDefaultColumn(b.Property<long>("Id"));

            b.Property<string>("Body")
                .IsRequired()
                .HasColumnType("text");

            b.Property<string>("ContentHash")
                .IsRequired()
                .HasMaxLength(64)
                .HasColumnType("character varying(64)");

            b.Property<DateTimeOffset>("ImportedAt")
                .HasColumnType("timestamp with time zone");

            b.Property<string>("Language")
                .IsRequired()
                .HasMaxLength(2)
                .HasColumnType("character varying(2)");

            b.Property<DateTimeOffset?>("PublishedAt")
                .HasColumnType("timestamp with time zone");

            b.Property<string>("Source")
                .HasMaxLength(200)
                .HasColumnType("character varying(200)");

            b.Property<string>("Summary")
                .HasColumnType("text");

            b.Property<string>("Title")
                .IsRequired()
                .HasMaxLength(1000)
                .HasColumnType("character varying(1000)");

            b.Property<DateTimeOffset>("UpdatedAt")
                .HasColumnType("timestamp with time zone");

            b.Property<string>("Url")
                .HasMaxLength(2000)
                .HasColumnType("character varying(2000)");

            b.Property<int>("WordCount")
                .HasColumnType("integer");

            b.HasKey("Id");

            b.HasIndex("ContentHash")
                .IsUnique();

            b.HasIndex("ImportedAt");

            b.HasIndex("Language", "PublishedAt");

            b.ToTable("Articles", (string)null);
        });

        modelBuilder.Entity("DigestBot.Storage.ArticleOrigin", b =>
        {
            b.Property<string>("Key")
                .HasMaxLength(1000)
                .HasColumnType("character varying(1000)");

            b.Property<long>("ArticleId")
                .HasColumnType("bigint");

            b.Property<string>("ContentHash")
                .IsRequired()
                .HasMaxLength(64)
                .HasColumnType("character varying(64)");

            b.Property<DateTimeOffset>("ImportedAt")
                .HasColumnType("timestamp with time zone");

            b.HasKey("Key");

            b.HasIndex("ArticleId");

            b.ToTable("ArticleOrigins", (string)null);
        });

        modelBuilder.Entity("DigestBot.Storage.ArticleTopic", b =>
        {
            b.Property<long>("ArticleId")
                .HasColumnType("bigint");

            b.Property<string>("TopicId")
                .HasMaxLength(40)
                .HasColumnType("character varying(40)");

            b.HasKey("ArticleId", "TopicId");

            b.HasIndex("TopicId", "ArticleId");

            b.ToTable("ArticleTopics", (string)null);
        });

        modelBuilder.Entity("DigestBot.Storage.BotState", b =>
        {
            b.Property<string>("Key")
                .HasMaxLength(100)
                .HasColumnType("character varying(100)");

            b.Property<string>("Value")
                .IsRequired()
                .HasMaxLength(1000)
                .HasColumnType("character varying(1000)");

            b.HasKey("Key");

            b.ToTable("BotState", (string)null);
        });

        modelBuilder.Entity("DigestBot.Storage.Delivery", b =>
        {
            b.Property<long>("Id")
                .ValueGeneratedOnAdd()
                .HasColumnType("bigint");

            NpgsqlPropertyBuilderExtensions.UseIdentityByDefaultColumn(b.Property<long>("Id"));

            b.Property<long>("ChatId")
                .HasColumnType("bigint");

            b.Property<string>("Error")
                .HasMaxLength(500)
                .HasColumnType("character varying(500)");

            b.Property<DateTimeOffset?>("FinishedAt")
                .HasColumnType("timestamp with time zone");

            b.Property<string>("MessageIds")
                .IsRequired()
                .HasMaxLength(200)
                .HasColumnType("character varying(200)");

            b.Property<string>("Node")
                .IsRequired()
                .HasMaxLength(200)
                .HasColumnType("character varying(200)");

            b.Property<DateTimeOffset>("StartedAt")
                .HasColumnType("timestamp with time zone");

            b.Property<string>("State")
                .IsRequired()
                .HasMaxLength(12)
                .HasColumnType("character varying(12)");

            b.Property<DateTimeOffset>("WindowEnd")
                .HasColumnType("timestamp with time zone");

            b.HasKey("Id");

            b.HasIndex("State");

            b.HasIndex("ChatId", "WindowEnd")
                .IsUnique();

            b.ToTable("Deliveries", (string)null);
        });

        modelBuilder.Entity("DigestBot.Storage.ChatSettings", b =>
        {
            b.Property<long>("ChatId")
                .HasColumnType("bigint");

            b.Property<bool>("AllLanguages")
                .HasColumnType("boolean");

            b.Property<DateTimeOffset>("CreatedAt")
                .HasColumnType("timestamp with time zone");

            b.Property<string>("Kind")
                .IsRequired()
                .HasMaxLength(20)
                .HasColumnType("character varying(20)");

            b.Property<string>("Language")
                .HasMaxLength(2)
                .HasColumnType("character varying(2)");

            b.Property<string>("Title")
                .HasMaxLength(256)
                .HasColumnType("character varying(256)");

            b.Property<DateTimeOffset>("UpdatedAt")
                .HasColumnType("timestamp with time zone");

            b.HasKey("ChatId");

            b.ToTable("Chats", (string)null);
        });

        modelBuilder.Entity("DigestBot.Storage.TranslatedSummary", b =>
        {
            b.Property<long>("ArticleId")
                .HasColumnType("bigint");

            b.Property<string>("Language")
                .HasMaxLength(2)
                .HasColumnType("character varying(2)");

            b.Property<string>("Model")
                .HasMaxLength(200)
                .HasColumnType("character varying(200)");

            b.Property<string>("ContentHash")
                .IsRequired()
                .HasMaxLength(64)
                .HasColumnType("character varying(64)");

            b.Property<DateTimeOffset>("CreatedAt")
                .HasColumnType("timestamp with time zone");

            b.Property<string>("Summary")
                .IsRequired()
                .HasMaxLength(2000)
                .HasColumnType("character varying(2000)");

            b.Property<string>("Title")
                .IsRequired()
                .HasMaxLength(1000)
                .HasColumnType("character varying(1000)");

            b.HasKey("ArticleId", "Language", "Model");

            b.ToTable("TranslatedSummaries", (string)null);
        });

        modelBuilder.Entity("DigestBot.Storage.Subscription", b =>
        {
            b.Property<long>("ChatId")
                .HasColumnType("bigint");

            b.Property<bool>("Active")
                .HasColumnType("boolean");

            b.Property<DateTimeOffset>("CreatedAt")
                .HasColumnType("timestamp with time zone");

            b.Property<string>("Filters")
                .IsRequired()
                .HasMaxLength(600)
                .HasColumnType("character varying(600)");

            b.Property<DateTimeOffset?>("LastWindowEnd")
                .HasColumnType("timestamp with time zone");

            b.Property<long?>("ManagedBy")
                .HasColumnType("bigint");

            b.Property<TimeOnly>("Time")
                .HasColumnType("time without time zone");

            b.Property<string>("TimeZone")
                .IsRequired()
                .HasMaxLength(64)
                .HasColumnType("character varying(64)");

            b.Property<string>("Topics")
                .IsRequired()
                .HasMaxLength(400)
                .HasColumnType("character varying(400)");

            b.Property<DateTimeOffset>("UpdatedAt")
                .HasColumnType("timestamp with time zone");

            b.HasKey("ChatId");

            b.HasIndex("ManagedBy");

            b.ToTable("Subscriptions", (string)null);
        });

        modelBuilder.Entity("DigestBot.Storage.ArticleOrigin", b =>
        {
            b.HasOne("DigestBot.Storage.Article", "Article")
                .WithMany()
                .HasForeignKey("ArticleId")
                .OnDelete(DeleteBehavior.Cascade)
                .IsRequired();

            b.Navigation("Article");
        });

        modelBuilder.Entity("DigestBot.Storage.ArticleTopic", b =>
        {
            b.HasOne("DigestBot.Storage.Article", null)
                .WithMany("Topics")
                .HasForeignKey("ArticleId")
                .OnDelete(DeleteBehavior.Cascade)
                .IsRequired();
        });

        modelBuilder.Entity("DigestBot.Storage.TranslatedSummary", b =>
        {
            b.HasOne("DigestBot.Storage.Article", null)
                .WithMany()
                .HasForeignKey("ArticleId")
                .OnDelete(DeleteBehavior.Cascade)
                .IsRequired();
        });

        modelBuilder.Entity("DigestBot.Storage.Subscription", b =>
        {
            b.HasOne("DigestBot.Storage.ChatSettings", null)
                .WithOne()
                .HasForeignKey("DigestBot.Storage.Subscription", "ChatId")
                .OnDelete(DeleteBehavior.Cascade)
                .IsRequired();
        });

        modelBuilder.Entity("DigestBot.Storage.Article", b =>
        {
            b.Navigation("Topics");
        });
    }
}
