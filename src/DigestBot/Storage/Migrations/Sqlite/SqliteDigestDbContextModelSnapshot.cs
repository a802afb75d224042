using System;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

#nullable disable

namespace DigestBot.Storage.Migrations.Sqlite;

[DbContext(typeof(SqliteDigestDbContext))]
partial class SqliteDigestDbContextModelSnapshot : ModelSnapshot
{
    protected override void BuildModel(ModelBuilder modelBuilder)
    {
        modelBuilder.HasAnnotation("ProductVersion", "10.0.14");

        modelBuilder.Entity("DigestBot.Storage.Article", b =>
        {
            b.Property<long>("Id")
                .ValueGeneratedOnAdd()
                .HasColumnType("INTEGER");

            b.Property<string>("Body")
                .IsRequired()
                .HasColumnType("TEXT");

            b.Property<string>("ContentHash")
                .IsRequired()
                .HasMaxLength(64)
                .HasColumnType("TEXT");

            b.Property<long>("ImportedAt")
                .HasColumnType("INTEGER");

            b.Property<string>("Language")
                .IsRequired()
                .HasMaxLength(2)
                .HasColumnType("TEXT");

            b.Property<long?>("PublishedAt")
                .HasColumnType("INTEGER");

            b.Property<string>("Source")
                .HasMaxLength(200)
                .HasColumnType("TEXT");

            b.Property<string>("Summary")
                .HasColumnType("TEXT");

            b.Property<string>("Title")
                .IsRequired()
                .HasMaxLength(1000)
                .HasColumnType("TEXT");

            b.Property<long>("UpdatedAt")
                .HasColumnType("INTEGER");

            b.Property<string>("Url")
                .HasMaxLength(2000)
                .HasColumnType("TEXT");

            b.Property<int>("WordCount")
                .HasColumnType("INTEGER");

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
                .HasColumnType("TEXT");

            b.Property<long>("ArticleId")
                .HasColumnType("INTEGER");

            b.Property<string>("ContentHash")
                .IsRequired()
                .HasMaxLength(64)
                .HasColumnType("TEXT");

            b.Property<long>("ImportedAt")
                .HasColumnType("INTEGER");

            b.HasKey("Key");

            b.HasIndex("ArticleId");

            b.ToTable("ArticleOrigins", (string)null);
        });

        modelBuilder.Entity("DigestBot.Storage.ArticleTopic", b =>
        {
            b.Property<long>("ArticleId")
                .HasColumnType("INTEGER");

            b.Property<string>("TopicId")
                .HasMaxLength(40)
                .HasColumnType("TEXT");

            b.HasKey("ArticleId", "TopicId");

            b.HasIndex("TopicId", "ArticleId");

            b.ToTable("ArticleTopics", (string)null);
        });

        modelBuilder.Entity("DigestBot.Storage.BotState", b =>
        {
            b.Property<string>("Key")
                .HasMaxLength(100)
                .HasColumnType("TEXT");

            b.Property<string>("Value")
                .IsRequired()
                .HasMaxLength(1000)
                .HasColumnType("TEXT");

            b.HasKey("Key");

            b.ToTable("BotState", (string)null);
        });

        modelBuilder.Entity("DigestBot.Storage.Delivery", b =>
        {
            b.Property<long>("Id")
                .ValueGeneratedOnAdd()
                .HasColumnType("INTEGER");

            b.Property<long>("ChatId")
                .HasColumnType("INTEGER");

            b.Property<string>("Error")
                .HasMaxLength(500)
                .HasColumnType("TEXT");

            b.Property<long?>("FinishedAt")
                .HasColumnType("INTEGER");

            b.Property<string>("MessageIds")
                .IsRequired()
                .HasMaxLength(200)
                .HasColumnType("TEXT");

            b.Property<string>("Node")
                .IsRequired()
                .HasMaxLength(200)
                .HasColumnType("TEXT");

            b.Property<long>("StartedAt")
                .HasColumnType("INTEGER");

            b.Property<string>("State")
                .IsRequired()
                .HasMaxLength(12)
                .HasColumnType("TEXT");

            b.Property<long>("WindowEnd")
                .HasColumnType("INTEGER");

            b.HasKey("Id");

            b.HasIndex("State");

            b.HasIndex("ChatId", "WindowEnd")
                .IsUnique();

            b.ToTable("Deliveries", (string)null);
        });

        modelBuilder.Entity("DigestBot.Storage.ChatSettings", b =>
        {
            b.Property<long>("ChatId")
                .HasColumnType("INTEGER");

            b.Property<bool>("AllLanguages")
                .HasColumnType("INTEGER");

            b.Property<long>("CreatedAt")
                .HasColumnType("INTEGER");

            b.Property<string>("Kind")
                .IsRequired()
                .HasMaxLength(20)
                .HasColumnType("TEXT");

            b.Property<string>("Language")
                .HasMaxLength(2)
                .HasColumnType("TEXT");

            b.Property<string>("Title")
                .HasMaxLength(256)
                .HasColumnType("TEXT");

            b.Property<long>("UpdatedAt")
                .HasColumnType("INTEGER");

            b.HasKey("ChatId");

            b.ToTable("Chats", (string)null);
        });

        modelBuilder.Entity("DigestBot.Storage.TranslatedSummary", b =>
        {
            b.Property<long>("ArticleId")
                .HasColumnType("INTEGER");

            b.Property<string>("Language")
                .HasMaxLength(2)
                .HasColumnType("TEXT");

            b.Property<string>("Model")
                .HasMaxLength(200)
                .HasColumnType("TEXT");

            b.Property<string>("ContentHash")
                .IsRequired()
                .HasMaxLength(64)
                .HasColumnType("TEXT");

            b.Property<long>("CreatedAt")
                .HasColumnType("INTEGER");

            b.Property<string>("Summary")
                .IsRequired()
                .HasMaxLength(2000)
                .HasColumnType("TEXT");

            b.Property<string>("Title")
                .IsRequired()
                .HasMaxLength(1000)
                .HasColumnType("TEXT");

            b.HasKey("ArticleId", "Language", "Model");

            b.ToTable("TranslatedSummaries", (string)null);
        });

        modelBuilder.Entity("DigestBot.Storage.Subscription", b =>
        {
            b.Property<long>("ChatId")
                .HasColumnType("INTEGER");

            b.Property<bool>("Active")
                .HasColumnType("INTEGER");

            b.Property<long>("CreatedAt")
                .HasColumnType("INTEGER");

            b.Property<string>("Filters")
                .IsRequired()
                .HasMaxLength(600)
                .HasColumnType("TEXT");

            b.Property<long?>("LastWindowEnd")
                .HasColumnType("INTEGER");

            b.Property<long?>("ManagedBy")
                .HasColumnType("INTEGER");

            b.Property<TimeOnly>("Time")
                .HasColumnType("TEXT");

            b.Property<string>("TimeZone")
                .IsRequired()
                .HasMaxLength(64)
                .HasColumnType("TEXT");

            b.Property<string>("Topics")
                .IsRequired()
                .HasMaxLength(400)
                .HasColumnType("TEXT");

            b.Property<long>("UpdatedAt")
                .HasColumnType("INTEGER");

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
