// Headless tests of attachments in the browser client: which composer a chosen, dropped or pasted
// file goes to; the checks made before a byte is sent; progress, cancel and retry; the reply and the
// new request carrying the uploaded ids (and waiting for them); and stored files in the conversation
// (type and size, a click that downloads or opens the picture).
#include "fixtures.h"

using namespace fixtures;

namespace {

std::string Stored(std::int64_t id, std::string name, std::string mime, std::int64_t size, bool image) {
    attachment::Attachment a;
    a.id = id;
    a.name = std::move(name);
    a.mime = std::move(mime);
    a.size = size;
    a.image = image;
    return api::EncodeAttachment(a);
}

std::vector<LocalFile> One(int handle, std::string name, std::int64_t size) {
    return {LocalFile{handle, std::move(name), size, "image/png"}};
}

void OpenOwnRequest(App& app, std::int64_t id) {
    app.SignedIn("#/requests/" + std::to_string(id));
    Request r = MakeRequest(id, Status::in_progress, "VPN drops every hour");
    r.version = 4;
    REQUIRE(app.api.Answer("GET", "/api/v1/requests/" + std::to_string(id), 200, api::EncodeRequest(r)));
    app.Sync();
}

}  // namespace

TEST_CASE("files: a pasted screenshot uploads with progress, the reply waits for it, then carries its id") {
    App app;
    OpenOwnRequest(app, 8);
    const FileTarget reply{FileTarget::Kind::reply, 8};
    CHECK(app.actions.DropTarget() == reply);

    app.actions.FilesArrived(One(1, "image.png", 1200), FileSource::paste);
    REQUIRE(app.api.files.size() == 1);
    const auto& up = app.api.files[0];
    CHECK(up.request.method == "POST");
    CHECK(up.request.path == "/api/v1/uploads?name=image.png");
    bool csrf = false;
    for (const auto& h : up.request.headers) csrf = csrf || (h.first == "X-CSRF-Token" && h.second == "csrf-123");
    CHECK(csrf);

    RequestDetailViewModel vm = BuildRequestDetail(app.state, RequestId(8), app.clock);
    REQUIRE(vm.reply_files.chips.size() == 1);
    CHECK(vm.reply_files.chips[0].uploading);
    CHECK(vm.reply_files.busy);
    CHECK_FALSE(vm.reply_enabled);  // nothing to send yet, and a file is on its way

    REQUIRE(app.api.FileProgress(1, 600, 1200));
    vm = BuildRequestDetail(app.state, RequestId(8), app.clock);
    CHECK(vm.reply_files.chips[0].progress == doctest::Approx(0.5));
    CHECK(vm.reply_files.chips[0].detail == "Uploading… 50%");

    // Typed text doesn't make Send usable while the file is still going up.
    app.actions.EditReply(RequestId(8), "Here is the error");
    app.actions.SendReply(RequestId(8));
    CHECK(app.api.Count("POST", "/api/v1/requests/8/comments") == 0);

    REQUIRE(app.api.FinishFile(1, 201, Stored(31, "image.png", "image/png", 1200, true)));
    CHECK(app.host.released == std::vector<int>{1});  // the page may drop the bytes now
    vm = BuildRequestDetail(app.state, RequestId(8), app.clock);
    CHECK_FALSE(vm.reply_files.busy);
    CHECK(vm.reply_files.chips[0].detail == "1.2 kB");
    CHECK(vm.reply_enabled);

    app.actions.SendReply(RequestId(8));
    const auto* sent = app.api.Last("POST", "/api/v1/requests/8/comments");
    REQUIRE(sent);
    auto body = api::DecodeCommentBody(sent->request.body);
    REQUIRE(body.ok());
    CHECK(body->body == "Here is the error");
    CHECK(body->attachments == std::vector<std::int64_t>{31});

    Comment c;
    c.id = CommentId(90);
    c.author_id = UserId(2);
    c.author_name = "Emma Jones";
    c.body = "Here is the error";
    attachment::Attachment a;
    a.id = 31;
    a.name = "image.png";
    a.mime = "image/png";
    a.size = 182000;
    a.image = true;
    a.comment_id = 90;
    c.attachments.push_back(a);
    REQUIRE(app.api.Answer("POST", "/api/v1/requests/8/comments", 201, api::EncodeComment(c)));
    CHECK(app.state.replies[8].files.empty());  // sent with the reply
    vm = BuildRequestDetail(app.state, RequestId(8), app.clock);
    REQUIRE(vm.conversation.size() == 1);
    REQUIRE(vm.conversation[0].files.size() == 1);
    CHECK(vm.conversation[0].files[0].image);
    CHECK(vm.conversation[0].files[0].detail == "PNG image · 182 kB");
    CHECK(vm.conversation[0].files[0].inline_path == "/api/v1/attachments/31?inline=1");
}

TEST_CASE("files: a reply of files alone is allowed; × cancels an upload on its way") {
    App app;
    OpenOwnRequest(app, 8);
    app.actions.FilesArrived(One(4, "log.txt", 5000), FileSource::drop);
    app.actions.FilesArrived(One(5, "big.zip", 9000000), FileSource::drop);
    REQUIRE(app.api.files.size() == 2);
    app.actions.RemoveFile(FileTarget{FileTarget::Kind::reply, 8}, 5);
    app.api.Poll();
    CHECK(app.api.File(5)->aborted);
    CHECK(app.host.released == std::vector<int>{5});
    REQUIRE(app.state.replies[8].files.size() == 1);

    REQUIRE(app.api.FinishFile(4, 201, Stored(40, "log.txt", "text/plain", 5000, false)));
    RequestDetailViewModel vm = BuildRequestDetail(app.state, RequestId(8), app.clock);
    CHECK(vm.reply_text.empty());
    CHECK(vm.reply_enabled);  // files alone make a reply
    app.actions.SendReply(RequestId(8));
    const auto* sent = app.api.Last("POST", "/api/v1/requests/8/comments");
    REQUIRE(sent);
    auto body = api::DecodeCommentBody(sent->request.body);
    REQUIRE(body.ok());
    CHECK(body->attachments == std::vector<std::int64_t>{40});
}

TEST_CASE("files: too big, empty and the eleventh file are refused before a byte is sent") {
    App app;
    OpenOwnRequest(app, 8);
    app.actions.FilesArrived(One(1, "movie.mov", attachment::kDefaultMaxFileBytes + 1), FileSource::picker);  // no dialog target yet
    CHECK(app.api.files.empty());
    CHECK(app.host.released == std::vector<int>{1});
    REQUIRE_FALSE(app.state.toasts.empty());

    app.actions.PickFiles(FileTarget{FileTarget::Kind::reply, 8});
    CHECK(app.host.picks == 1);
    std::vector<LocalFile> many;
    many.push_back(LocalFile{10, "movie.mov", attachment::kDefaultMaxFileBytes + 1, ""});
    many.push_back(LocalFile{11, "empty.txt", 0, ""});
    for (int i = 0; i < 11; ++i) many.push_back(LocalFile{20 + i, "shot" + std::to_string(i) + ".png", 1000, "image/png"});
    app.state.toasts.clear();
    app.actions.FilesArrived(many, FileSource::picker);
    CHECK(app.api.files.size() == 10);  // the eleventh is refused
    RequestDetailViewModel vm = BuildRequestDetail(app.state, RequestId(8), app.clock);
    REQUIRE(vm.reply_files.chips.size() == 12);
    CHECK(vm.reply_files.chips[0].failed);
    CHECK(vm.reply_files.chips[0].detail == "Larger than 25 MB, the most a file may be.");
    CHECK_FALSE(vm.reply_files.chips[0].can_retry);
    CHECK(vm.reply_files.chips[1].detail == "This file is empty.");
    CHECK_FALSE(vm.reply_files.can_add);
    REQUIRE(app.state.toasts.size() == 1);
    CHECK(app.state.toasts[0].text == "A message can carry at most 10 files.");
    const std::vector<int>& released = app.host.released;
    CHECK(std::count(released.begin(), released.end(), 10) == 1);
    CHECK(std::count(released.begin(), released.end(), 11) == 1);
    CHECK(std::count(released.begin(), released.end(), 30) == 1);
}

TEST_CASE("files: a dropped file with no composer on screen is refused and said so") {
    App app;
    app.SignedIn("#/");
    CHECK(app.actions.DropTarget().kind == FileTarget::Kind::none);
    app.actions.FilesArrived(One(3, "a.png", 100), FileSource::drop);
    CHECK(app.api.files.empty());
    CHECK(app.host.released == std::vector<int>{3});
    REQUIRE(app.state.toasts.size() == 1);
    CHECK(app.state.toasts[0].is_error);
}

TEST_CASE("files: a network failure keeps the bytes for Retry; a refused type doesn't") {
    App app;
    OpenOwnRequest(app, 8);
    const FileTarget reply{FileTarget::Kind::reply, 8};
    app.actions.FilesArrived(One(6, "a.png", 100), FileSource::paste);
    app.actions.FilesArrived(One(7, "setup.png", 100), FileSource::paste);
    REQUIRE(app.api.FinishFile(6, 0, ""));
    REQUIRE(app.api.FinishFile(7, 415, R"({"error":{"code":"unsupported_type","message":"This kind of file can't be attached.","field":"file"}})"));
    RequestDetailViewModel vm = BuildRequestDetail(app.state, RequestId(8), app.clock);
    REQUIRE(vm.reply_files.chips.size() == 2);
    CHECK(vm.reply_files.chips[0].can_retry);
    CHECK_FALSE(vm.reply_files.chips[1].can_retry);
    CHECK(vm.reply_files.chips[1].detail == "This kind of file can't be attached.");
    CHECK(app.host.released == std::vector<int>{7});

    app.actions.RetryFile(reply, 6);
    REQUIRE(app.api.files.size() == 3);
    CHECK(app.api.files[2].file == 6);
    REQUIRE(app.api.FinishFile(6, 201, Stored(50, "a.png", "image/png", 100, true)));
    CHECK(app.state.replies[8].files[0].phase == UploadPhase::done);
    app.actions.RemoveFile(reply, 7);
    CHECK(app.state.replies[8].files.size() == 1);
}

TEST_CASE("files: a new request's form waits for its files and sends their ids") {
    App app;
    app.SignedIn("#/catalog/3");
    app.AnswerItem(Laptop());
    app.Sync();
    const FileTarget form{FileTarget::Kind::form, 3};
    REQUIRE(app.actions.DropTarget() == form);
    app.actions.FilesArrived(One(9, "quote.pdf", 40000), FileSource::drop);
    FormViewModel vm = BuildForm(app.state, CatalogItemId(3), app.clock);
    CHECK(vm.files.busy);
    CHECK_FALSE(vm.submit_enabled);
    CHECK(vm.submit_label == "Waiting for files…");

    FormDraftState& d = app.state.drafts[3];
    d.draft.summary = "Laptop for the new analyst";
    d.draft.values["model"] = FormValue::Text("mbp14");
    d.draft.values["reason"] = FormValue::Text("Starting on Monday in Finance");
    d.draft.values["quantity"] = FormValue::Text("1");
    app.actions.Submit(CatalogItemId(3));
    CHECK(app.api.Count("POST", "/api/v1/requests") == 0);

    REQUIRE(app.api.FinishFile(9, 201, Stored(61, "quote.pdf", "application/pdf", 40000, false)));
    app.actions.Submit(CatalogItemId(3));
    const auto* sent = app.api.Last("POST", "/api/v1/requests");
    REQUIRE(sent);
    auto draft = api::DecodeDraft(sent->request.body);
    REQUIRE(draft.ok());
    CHECK(draft->attachments == std::vector<std::int64_t>{61});
}

TEST_CASE("files: stored files show in the conversation; a click downloads a file and opens a picture") {
    App app;
    app.SignedIn("#/requests/8");
    Request r = MakeRequest(8, Status::in_progress, "VPN drops every hour");
    attachment::Attachment pdf;
    pdf.id = 7;
    pdf.name = "vpn-log.pdf";
    pdf.mime = "application/pdf";
    pdf.size = 1234567;
    r.attachments.push_back(pdf);
    REQUIRE(app.api.Answer("GET", "/api/v1/requests/8", 200, api::EncodeRequest(r)));
    Harness h;
    h.Frames(app, 3);
    RequestDetailViewModel vm = BuildRequestDetail(app.state, RequestId(8), app.clock);
    REQUIRE(vm.files.size() == 1);
    CHECK(vm.files[0].detail == "PDF · 1.2 MB");
    REQUIRE(HasItem("attachment_7"));
    CHECK(ui::hooks::FindItem("attachment_7")->label == "vpn-log.pdf");
    REQUIRE(h.Click(app, "attachment_7"));
    REQUIRE(app.host.files_opened.size() == 1);
    CHECK(app.host.files_opened[0].first == "/api/v1/attachments/7");
    CHECK(app.host.files_opened[0].second);  // saved, not shown
    app.actions.OpenAttachment(9, true);
    CHECK(app.host.files_opened[1].first == "/api/v1/attachments/9?inline=1");
    CHECK_FALSE(app.host.files_opened[1].second);
    // The composer's button and hint are drawn under the reply box.
    CHECK(HasItem("attach_files"));
}
