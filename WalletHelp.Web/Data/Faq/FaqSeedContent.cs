namespace WalletHelp.Web.Data.Faq;

/// <summary>Seeded knowledge base: categories and articles in Chinese and English (Markdown bodies).</summary>
public static class FaqSeedContent
{
    public sealed record SeedCategory(string Slug, string NameZh, string NameEn, int SortOrder);

    public sealed record SeedArticle(string Slug, string Category, string Tags, string TitleZh, string BodyZh, string TitleEn, string BodyEn);

    public static IReadOnlyList<SeedCategory> Categories { get; } =
    [
        new("opening", "开通与审核", "Opening and approval", 10),
        new("bank-cards", "银行卡与绑定", "Bank cards and binding", 20),
        new("service", "系统与网络", "Service and connectivity", 30),
        new("security", "账户安全与信用", "Security and credit", 40),
        new("using-wallet", "使用钱包", "Using the wallet", 50),
    ];

    public static IReadOnlyList<SeedArticle> Articles { get; } =
    [
        new("identity-verification", "opening", "identity,verification,application",
            "为什么我的身份无法通过验证？",
            """
            开通钱包时，运营机构会把您填写的**姓名、身份证号码和手机号码**与公安、银行和通信运营商的记录逐项比对。任何一项不一致，身份验证都会失败。

            最常见的原因：

            1. **姓名不一致**：多了空格、用了错误的间隔号（少数民族姓名应使用“·”），或录入了繁体字、异体字。
            2. **身份证号码有误**：位数不对、末位的 X 写成了其他字符，或校验位错误（系统会检查第 18 位）。
            3. **证件已过期**：身份证有效期已过，或刚换领新证但银行仍保存旧信息。
            4. **手机号码不是本人实名登记**：用家人或单位的号码开通，实名信息对不上。
            5. **近期改过名或换过证**：银行和运营商的记录可能还没有更新。

            ## 怎么办

            - 先用 WalletHelp 的“检查个人信息”向导逐项核对，它会指出具体哪一个字段、哪一位字符有问题。
            - 证件过期或改名的，请先到银行网点更新预留信息，再重新申请。
            - 多次失败后请不要反复尝试：24 小时内失败次数过多会触发冷却期。改正后再试一次；仍失败请[联系客服](/faq/contact-customer-service)。
            """,
            "Why can't my identity be verified?",
            """
            When you open a wallet, the operator compares your **name, ID number and mobile number** with the records held by the public-security system, your bank and your mobile carrier. If any one of them differs, identity verification fails.

            The most common causes:

            1. **The name differs**: an extra space, the wrong separator dot (minority and foreign names use "·"), or a traditional or variant character.
            2. **The ID number is wrong**: the wrong length, a final X typed as something else, or a wrong check character (the 18th character is verified).
            3. **The ID card has expired**, or you have a new card but your bank still holds the old details.
            4. **The phone number is not registered in your own name**, for example a family member's or an employer's number.
            5. **You recently changed your name or ID card**, and the bank or carrier has not updated its records yet.

            ## What to do

            - Run WalletHelp's "check personal information" wizard: it points to the exact field, and even the exact character, that is wrong.
            - If your card expired or your name changed, update your details at a bank branch first, then apply again.
            - Do not retry over and over: too many failures within 24 hours start a cool-down. Fix the problem, try once more, and if it still fails [contact customer service](/faq/contact-customer-service).
            """),

        new("opening-time", "opening", "application,time,approval",
            "开通钱包需要多长时间？",
            """
            大多数情况下，**信息填写正确时几分钟内即可开通**：系统实时完成身份核验和银行卡验证，审核通过后钱包立即可用。

            以下情况会更久：

            - **需要人工审核**：例如风控复核、补充证件。一般需要 1–3 个工作日，结果会通过短信或 App 通知。
            - **系统维护期间**：维护窗口内无法提交申请，请在维护结束后再试（见[系统维护与重试](/faq/maintenance-and-retry)）。
            - **高峰时段**：如节假日、活动期间，服务器繁忙可能导致超时，建议错峰申请。
            - **一类钱包**：需要到银行网点当面核验，以网点办理时间为准。

            如果超过 3 个工作日仍没有结果，请准备好 WalletHelp 给出的参考编号，[联系客服](/faq/contact-customer-service)查询进度。
            """,
            "How long does opening a wallet take?",
            """
            In most cases **a wallet opens within a few minutes when the details are right**: identity and bank-card checks run in real time, and the wallet can be used as soon as it is approved.

            It takes longer when:

            - **A manual review is needed**, for example a risk review or additional documents. This usually takes 1–3 working days; you are told the result by SMS or in the app.
            - **The service is under maintenance**: applications cannot be submitted during a maintenance window; try again after it ends (see [maintenance and retrying](/faq/maintenance-and-retry)).
            - **It is peak time**, such as holidays or promotions: busy servers can time out, so apply off-peak.
            - **You open a Class 1 wallet**, which needs an in-person check at a bank branch, subject to the branch's opening hours.

            If you have no answer after 3 working days, keep the reference code WalletHelp gave you and [contact customer service](/faq/contact-customer-service) to ask about progress.
            """),

        new("personal-information", "opening", "identity,personal,name,phone",
            "如何正确填写个人信息",
            """
            个人信息必须与**身份证原件**完全一致。请逐项核对：

            ## 姓名
            - 与身份证上的写法一字不差，不要加空格，不要用拼音代替汉字。
            - 少数民族或外国人姓名中的间隔号请使用“·”（居中点），不要用“.”“•”或“-”。
            - 不要使用全角英文字母或数字。

            ## 身份证号码
            - 18 位：前 17 位是数字，最后一位是数字或大写 X。
            - 15 位的第一代身份证已不能使用，请换领第二代身份证。
            - 出生日期、性别要与号码一致（详见[身份证号码校验位](/faq/id-number-check-digit)）。

            ## 手机号码
            - 必须是以本人身份证实名登记的中国大陆手机号（11 位，以 13–19 开头）。
            - 只能上网的数据卡、物联网卡号段收不到短信验证码；部分虚拟运营商号段也可能被拒绝。
            - 填写时不需要加 +86。

            填好后可以用“检查个人信息”向导先自查一遍，再提交申请。
            """,
            "Filling in your personal information correctly",
            """
            Your personal information must match your **ID card** exactly. Check each field:

            ## Name
            - Write it exactly as on the ID card, with no spaces, and do not replace Chinese characters with pinyin.
            - For minority and foreign names use the middle dot "·" as the separator, not ".", "•" or "-".
            - Do not use full-width Latin letters or digits.

            ## ID number
            - 18 characters: 17 digits followed by a digit or a capital X.
            - First-generation 15-digit numbers are no longer accepted; get a second-generation card.
            - The birth date and gender you enter must agree with the number (see [the ID number check digit](/faq/id-number-check-digit)).

            ## Mobile number
            - It must be a mainland China mobile number (11 digits starting 13–19) registered under your own ID.
            - Data-only and IoT number ranges cannot receive SMS codes; some virtual-operator ranges may also be refused.
            - Leave out the +86 prefix.

            When you are done, run the "check personal information" wizard before you submit the application.
            """),

        new("id-number-check-digit", "opening", "identity,id-number,checksum",
            "身份证号码校验位是什么？",
            """
            18 位身份证号码的**最后一位是校验位**，由前 17 位按国家标准 GB 11643-1999（ISO 7064 MOD 11-2）计算得出。只要前 17 位中有一位录错，校验位就对不上，系统会直接判定号码无效。

            ## 计算方法
            1. 前 17 位依次乘以权重 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2；
            2. 把乘积相加，除以 11 取余数；
            3. 余数 0–10 依次对应校验位 1 0 X 9 8 7 6 5 4 3 2。

            ## 常见错误
            - 相邻两位数字顺序颠倒（例如 58 写成 85）；
            - 末位 X 写成了小写 x、乘号“×”或字母 K；
            - 把 0 和字母 O、1 和字母 I 混淆。

            WalletHelp 的向导会告诉您“第 18 位应为几”，但不会回显完整号码。请对照身份证原件重新输入，不要凭记忆填写。
            """,
            "What is the ID number check digit?",
            """
            The **last character of an 18-character ID number is a check character**, computed from the first 17 digits under national standard GB 11643-1999 (ISO 7064 MOD 11-2). If any of the first 17 digits is mistyped the check character no longer fits, and the number is rejected straight away.

            ## How it is computed
            1. Multiply the first 17 digits by the weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2;
            2. Add the products and take the remainder after dividing by 11;
            3. Remainders 0–10 map to the check characters 1 0 X 9 8 7 6 5 4 3 2.

            ## Common mistakes
            - Two neighbouring digits swapped (58 typed as 85);
            - The final X typed as a lowercase x, a multiplication sign "×" or the letter K;
            - Zero confused with the letter O, or one with the letter I.

            WalletHelp's wizard tells you which character the 18th position should be, without ever echoing the full number. Copy the number from the card itself rather than from memory.
            """),

        new("risk-review-documents", "opening", "risk,review,documents,frozen",
            "风控审核需要准备哪些材料？",
            """
            如果申请被拒的提示中出现“风控”“风险”“反洗钱”“可疑”等字样，说明申请进入了**风险审核**。这是运营机构依据反洗钱（AML）和“了解你的客户”（KYC）要求进行的检查，**无法自助解除**，需要联系客服处理。

            ## 请提前准备
            - 本人有效身份证原件（正反面照片）；
            - 绑定银行卡的开户行信息，必要时提供近 3 个月的银行流水；
            - 实名登记的手机号码及其服务密码（用于核验机主身份）；
            - 职业、收入来源或资金用途的简要说明；
            - WalletHelp 给出的参考编号，方便客服直接查看诊断结果。

            ## 处理过程
            客服核实材料后提交复核，一般 1–3 个工作日内给出结果。有用户补充证件后账户恢复正常；但若银行预留信息已失效且无法更新，可能无法恢复，需要更换银行卡重新申请。

            审核期间请不要反复提交申请，以免被判定为异常行为。
            """,
            "Which documents does a risk review need?",
            """
            If the rejection message mentions risk control, AML, "suspicious" or similar words, the application is in **risk review**. The operator runs these checks under anti-money-laundering (AML) and know-your-customer (KYC) rules; **you cannot clear them yourself**, so contact customer service.

            ## Prepare in advance
            - Your valid ID card (photos of both sides);
            - The bank and branch of the card you are binding, and if asked, the last 3 months of statements;
            - Your real-name mobile number and its service password (to prove you own the number);
            - A short note on your occupation, source of income or what the wallet is for;
            - The reference code WalletHelp gave you, so the agent sees your diagnosis at once.

            ## What happens next
            The agent checks the documents and submits them for review; you usually hear back within 1–3 working days. Users who supplied the missing documents have had their accounts restored; where the bank's records were out of date and could not be corrected, the only way forward was to apply again with another card.

            Do not submit new applications during the review: repeated attempts can be flagged as unusual behaviour.
            """),

        new("card-binding", "bank-cards", "bank,card,binding",
            "银行卡绑定失败怎么办？",
            """
            绑定银行卡时，系统会核对**卡号、开户银行、持卡人姓名和银行预留手机号**。请逐项检查：

            1. **卡号**：16–19 位数字，不要多输或少输；系统会做 Luhn 校验，录错一位就会失败。
            2. **银行名称**：要与卡号所属银行一致，不要选成母公司或合作行。
            3. **开户网点**：部分运营机构要求填写支行，请填写卡片实际开户的网点。
            4. **卡片类型**：开通钱包需绑定**借记卡**，信用卡不能用于开通。
            5. **卡片状态**：挂失、冻结、久悬或过期的卡无法绑定，只能由银行处理。
            6. **账户类别**：二类、三类账户可以绑定，但充值和支付有额度限制。

            持卡人姓名必须与申请人一致，不能绑定家人的银行卡。手机号问题请看[银行预留手机号](/faq/bank-reserved-phone)。
            """,
            "Card binding failed — what now?",
            """
            When you bind a bank card, the operator checks the **card number, issuing bank, cardholder name and the phone number reserved at the bank**. Check each one:

            1. **Card number**: 16–19 digits, none missing or extra; a Luhn check catches a single mistyped digit.
            2. **Bank name**: must be the bank that issued the card, not a parent company or partner bank.
            3. **Branch**: some operators ask for the branch; give the one where the account was actually opened.
            4. **Card type**: a wallet needs a **debit card**; credit cards cannot be used to open one.
            5. **Card status**: lost, frozen, dormant or expired cards cannot be bound; only the bank can fix that.
            6. **Account class**: Class II and III accounts can be bound, but top-ups and payments have limits.

            The cardholder must be the applicant: you cannot bind a family member's card. For phone problems see [the phone number reserved at the bank](/faq/bank-reserved-phone).
            """),

        new("bank-reserved-phone", "bank-cards", "bank,phone,sms",
            "什么是银行预留手机号？",
            """
            **银行预留手机号**是您在银行开户时登记的手机号码，银行用它发送验证码和交易提醒。绑定银行卡时，钱包申请中的手机号必须与这个号码**完全一致**，否则验证会失败。

            ## 常见情况
            - 换了新号码，但没有到银行更新；
            - 开户时留的是家人的号码；
            - 同一个人在不同银行预留了不同号码。

            ## 如何查询和修改
            - 通过手机银行 App 的“个人信息”或“安全设置”查看（通常只显示部分号码）；
            - 拨打银行客服热线查询；
            - 修改预留手机号通常需要本人携带身份证和银行卡到网点办理，部分银行支持在手机银行中用原号码验证后修改。

            修改完成后，等待几分钟让信息同步，再重新提交钱包申请。
            """,
            "What is the phone number reserved at the bank?",
            """
            The **reserved phone number** (银行预留手机号) is the mobile number you registered when you opened your bank account; the bank sends verification codes and alerts to it. When you bind a card, the phone number in your wallet application must be **exactly the same** as this number, or verification fails.

            ## Common situations
            - You changed numbers but never told the bank;
            - The account was opened with a family member's number;
            - You reserved different numbers at different banks.

            ## How to check and change it
            - Look in your mobile-banking app under personal information or security settings (usually partly masked);
            - Call the bank's customer-service line;
            - Changing it usually means visiting a branch with your ID card and bank card; some banks let you change it in the app after verifying the old number.

            After the change, wait a few minutes for the records to update, then submit the wallet application again.
            """),

        new("maintenance-and-retry", "service", "maintenance,retry,status",
            "系统维护期间怎么办？什么时候可以重试？",
            """
            运营机构会定期进行**系统维护和升级**，通常会提前公告。维护期间可能出现“系统维护中”“请稍后再试”，无法登录、开通或交易。

            ## 如何判断
            - 打开 WalletHelp 的[服务状态](/status)页面，查看当前和即将开始的维护窗口及故障；
            - 运行“重新申请”向导，若处于维护期，会提示维护结束的时间。

            ## 什么时候重试
            - **维护中**：等维护结束后再试，期间反复提交不会成功。
            - **即将维护**：如果两小时内有维护，建议在维护结束后再办理，避免中途中断。
            - **高峰时段**：服务器繁忙时容易超时，可改在清晨或深夜等非高峰时段。
            - **冷却期**：24 小时内失败达到 3 次会进入冷却期，请在提示的时间之后再试。

            重新申请时：退出钱包 App，重新打开，再提交一次。若仍失败，请带上参考编号联系客服。
            """,
            "What to do during maintenance, and when to retry",
            """
            The operator runs **scheduled maintenance and upgrades**, usually announced in advance. During maintenance you may see "system maintenance" or "please try again later" and be unable to log in, open a wallet or pay.

            ## How to tell
            - Open WalletHelp's [service status](/status) page for current and upcoming maintenance windows and incidents;
            - Run the "retry application" wizard: during maintenance it tells you when the window ends.

            ## When to retry
            - **During maintenance**: wait until it ends; resubmitting before then will not work.
            - **Maintenance soon**: if a window starts within two hours, wait until it is over rather than risk being cut off halfway.
            - **Peak hours**: busy servers time out more often; try early in the morning or late in the evening.
            - **Cool-down**: three failures within 24 hours start a cool-down; retry after the time shown.

            To re-apply: close the wallet app, reopen it and submit again. If it still fails, contact customer service with your reference code.
            """),

        new("network-problems", "service", "network,connectivity,retry",
            "网络不稳定导致申请失败",
            """
            提交申请时如果网络不稳定，数据可能传输失败，表现为页面一直转圈、提示“网络异常”或“请求超时”，甚至重复提交。

            ## 自查步骤
            1. 在 WalletHelp 中运行连接检查，看是否连接失败或延迟过高；
            2. 在 Wi-Fi 和移动数据之间切换一次；
            3. 关闭 VPN、代理或“省流量”模式，这些可能拦截或延迟请求；
            4. 确认手机时间为自动设置——时间偏差会导致安全校验失败；
            5. 将钱包 App 更新到最新版本。

            ## 避免重复提交
            出现超时后，不要立即连续点击提交。先等待 1–2 分钟，在 App 中查看申请是否已经受理；若已受理，再次提交可能被判定为“重复申请”。

            网络恢复后仍然失败，请运行完整诊断，看看是否还有其他原因。
            """,
            "Unstable network made the application fail",
            """
            If your connection is unstable when you submit, data may not arrive: the page keeps spinning, says "network error" or "request timed out", or the application is sent twice.

            ## Check step by step
            1. Run WalletHelp's connectivity check to see whether requests fail or are slow;
            2. Switch once between Wi-Fi and mobile data;
            3. Turn off VPNs, proxies and data-saver modes, which can block or delay requests;
            4. Make sure your phone's clock is set automatically: a wrong time makes security checks fail;
            5. Update the wallet app to the latest version.

            ## Avoid double submissions
            After a timeout, do not tap submit again right away. Wait 1–2 minutes and check in the app whether the application was received; if it was, a second one can be refused as a duplicate.

            If it still fails once the network is fine, run a full diagnosis to look for other causes.
            """),

        new("wallet-security", "security", "security,password,two-factor",
            "如何保护钱包安全？",
            """
            钱包里是真金白银，请像保护银行卡一样保护它。

            ## 设置强密码
            - 支付密码不要使用生日、手机号后几位、身份证号片段或 123456 这类连续数字；
            - 登录密码至少 8 位，混合大小写字母、数字和符号，不要与其他网站共用；
            - 定期更换密码，怀疑泄露时立即修改。

            ## 开启双重验证
            - 在钱包 App 中开启指纹、面容或设备绑定等二次验证；
            - 在 WalletHelp 账户中，可在“管理账户 → 双重身份验证”里绑定身份验证器 App，登录时除密码外还需输入动态码；
            - 妥善保存恢复码，不要截图发给他人。

            ## 警惕诈骗
            - 任何人（包括自称客服的人）索要验证码、支付密码或让您转账到“安全账户”，都是诈骗；
            - 只从官方应用商店下载钱包 App，不点击短信中的陌生链接；
            - 手机丢失时，立即通过客服或银行冻结钱包。
            """,
            "Keeping your wallet secure",
            """
            Your wallet holds real money: protect it as you would a bank card.

            ## Use strong passwords
            - Never use your birthday, the last digits of your phone number, part of your ID number, or sequences like 123456 as the payment PIN;
            - Make the sign-in password at least 8 characters, mixing upper- and lower-case letters, digits and symbols, and do not reuse it on other sites;
            - Change passwords regularly, and at once if you suspect a leak.

            ## Turn on two-factor authentication
            - In the wallet app, enable fingerprint, face or device binding as a second factor;
            - In your WalletHelp account, go to Manage account → Two-factor authentication to add an authenticator app, so signing in needs a one-time code as well as your password;
            - Keep the recovery codes safe; never send screenshots of them to anyone.

            ## Watch out for fraud
            - Anyone, including someone claiming to be customer service, who asks for a verification code or PIN, or asks you to move money to a "safe account", is a fraudster;
            - Install the wallet app only from official app stores, and do not tap unknown links in text messages;
            - If you lose your phone, freeze the wallet straight away through customer service or your bank.
            """),

        new("credit-record", "security", "credit,record,application",
            "开通失败会影响我的信用记录吗？",
            """
            **不会。**钱包开通失败、身份验证未通过或被要求补充材料，都**不会**记入个人征信报告，也不会影响您申请贷款或信用卡。

            需要说明的几点：

            - 开通钱包时的身份核验不是征信查询，不会在征信报告中留下“查询记录”；
            - 钱包本身不提供透支或借贷，正常使用也不会产生信用记录；
            - 如果您通过钱包使用了其他机构的信贷服务（例如先用后付），这些服务由相应机构按其规则报送征信，请阅读其协议；
            - 因风险审核被暂停的申请，只影响该钱包的开通，不等于被列入“黑名单”。

            如果担心个人信息被冒用，可以通过中国人民银行征信中心官方渠道免费查询本人信用报告。
            """,
            "Does a failed application affect my credit record?",
            """
            **No.** A failed wallet application, a failed identity check or a request for more documents is **not** reported to your credit record and does not affect applications for loans or credit cards.

            A few details:

            - The identity check during opening is not a credit enquiry and leaves no enquiry entry on your credit report;
            - The wallet itself offers no overdraft or lending, so normal use creates no credit history;
            - If you use another institution's credit product through the wallet (such as buy-now-pay-later), that institution reports it under its own rules; read its agreement;
            - An application paused for risk review only affects opening that wallet; it does not put you on a blacklist.

            If you are worried that someone misused your details, you can check your credit report free of charge through the official channels of the People's Bank of China Credit Reference Center.
            """),

        new("wallet-vs-bank-account", "using-wallet", "wallet,bank,account,classes",
            "钱包和银行账户有什么区别？",
            """
            数字钱包里存放的是**数字人民币**，是法定货币的数字形式；银行账户里的存款则是您对银行的债权。

            | | 数字钱包 | 银行账户 |
            |---|---|---|
            | 资金性质 | 央行数字货币（现金类） | 银行存款 |
            | 利息 | 不计利息 | 按存款利率计息 |
            | 开通要求 | 手机号即可开通低等级钱包 | 需实名开户 |
            | 离线支付 | 部分场景支持“碰一碰”离线支付 | 需要网络 |
            | 额度 | 按钱包等级限额 | 按账户类别限额 |

            ## 两者如何配合
            - 钱包可以绑定银行卡，从银行账户**充值**，也可以把余额**提现**回银行卡；
            - 钱包余额不会自动产生利息，大额资金建议留在银行账户；
            - 钱包等级越高，额度越大，详见[钱包等级与限额](/faq/wallet-classes-limits)。
            """,
            "How is a wallet different from a bank account?",
            """
            A digital wallet holds **digital currency (e-CNY)**, the digital form of legal tender; money in a bank account is a deposit, a claim on the bank.

            | | Digital wallet | Bank account |
            |---|---|---|
            | What the money is | Central-bank digital currency (like cash) | Bank deposit |
            | Interest | None | At the deposit rate |
            | To open | A phone number is enough for a low-class wallet | Real-name account opening |
            | Offline payments | Some "tap to pay" offline scenarios | Needs a network |
            | Limits | Set by wallet class | Set by account class |

            ## How they work together
            - Bind a bank card to **top up** the wallet from your account, and **withdraw** the balance back to the card;
            - The wallet balance earns no interest, so keep larger sums in the bank;
            - Higher wallet classes have higher limits; see [wallet classes and limits](/faq/wallet-classes-limits).
            """),

        new("wallet-classes-limits", "using-wallet", "wallet,classes,limits,transaction",
            "钱包等级与交易限额",
            """
            钱包按实名程度分为不同等级，**等级越高，限额越大**。以下为常见默认额度（人民币，各运营机构和不同时期可能不同，以 App 显示为准）：

            | 等级 | 开通方式 | 余额上限 | 单笔支付 | 日累计支付 |
            |---|---|---|---|---|
            | 一类 | 到银行网点当面核验 | 无限额 | 无限额 | 无限额 |
            | 二类 | 远程实名并绑定本人银行卡 | 50 万 | 5 万 | 10 万 |
            | 三类 | 远程实名，可绑定他行卡 | 2 万 | 5 千 | 1 万 |
            | 四类 | 仅手机号 | 1 万 | 2 千 | 5 千 |

            ## 交易或充值失败？
            - 单笔金额超过单笔限额：分几笔支付，或升级钱包；
            - 当天累计超过日限额：次日再试；
            - 充值后余额会超过余额上限：减少充值金额。

            升级钱包：在 App 中选择“升级钱包”，按提示补充身份证信息和本人银行卡；一类钱包需要到网点办理。
            """,
            "Wallet classes and limits",
            """
            Wallets come in classes by how thoroughly your identity was verified: **the higher the class, the higher the limits**. Typical defaults (CNY; they differ between operators and over time, so the app is authoritative):

            | Class | How it is opened | Balance cap | Per payment | Per day |
            |---|---|---|---|---|
            | 1 | In person at a bank branch | No limit | No limit | No limit |
            | 2 | Remote real-name check plus your own bank card | 500,000 | 50,000 | 100,000 |
            | 3 | Remote real-name check; other banks' cards allowed | 20,000 | 5,000 | 10,000 |
            | 4 | Phone number only | 10,000 | 2,000 | 5,000 |

            ## Payment or top-up refused?
            - A payment above the per-payment limit: split it, or upgrade the wallet;
            - Today's total above the daily limit: try again tomorrow;
            - A top-up that would take the balance over the cap: top up less.

            To upgrade: choose "upgrade wallet" in the app and add your ID details and your own bank card; Class 1 needs a branch visit.
            """),

        new("other-wallet-services", "using-wallet", "wallet,services,payments",
            "钱包还能做什么？",
            """
            开通钱包后，除了日常付款，还可以使用以下服务（具体以运营机构 App 为准）：

            - **扫码支付与收款**：在支持数字人民币的商户扫码付款，或生成收款码；
            - **碰一碰支付**：部分手机和硬件钱包支持近场支付，网络不好时也能用；
            - **转账**：向其他钱包转账，实时到账；
            - **子钱包**：把钱包推送到常用的购物、出行 App 中，免密小额支付，可单独设置限额；
            - **硬件钱包**：卡片、手环等实体形态，适合老人和儿童；
            - **缴费与政务服务**：水电燃气、交通出行、部分地区的政务缴费；
            - **多个钱包**：可以在不同运营机构各开一个钱包，但每家机构只能开一个同等级的个人钱包。

            如果遇到“钱包已存在”的提示，说明您已在该机构开过钱包，请找回原钱包，而不是重新申请。
            """,
            "What else can the wallet do?",
            """
            Besides everyday payments, an open wallet offers these services (see your operator's app for details):

            - **Scan to pay and get paid**: pay at merchants that accept e-CNY, or show a collection code;
            - **Tap to pay**: some phones and hardware wallets pay by near-field contact, even with a poor connection;
            - **Transfers**: send money to other wallets, arriving instantly;
            - **Sub-wallets**: push the wallet into your usual shopping or travel apps for small password-free payments, each with its own limit;
            - **Hardware wallets**: cards or wristbands, handy for older people and children;
            - **Bills and public services**: utilities, transport and, in some regions, government fees;
            - **Several wallets**: you can open one wallet with each operator, but only one personal wallet of a class per operator.

            If you see "wallet already exists", you have already opened one with that operator: recover it rather than applying again.
            """),

        new("contact-customer-service", "using-wallet", "support,contact,reference",
            "如何联系客服？",
            """
            以下情况请联系客服，**无法自助解决**：风险审核、账户冻结、“钱包已存在”、政策或资格不符，以及多次重试仍失败。

            ## 联系方式
            - **钱包 App 内的“在线客服”**：通常 7×24 小时，可上传证件照片；
            - **运营机构客服热线**：见 App“我的 → 帮助与客服”，请只拨打 App 内公布的号码；
            - **银行网点**：银行卡状态、预留手机号等问题需要到开户行办理。

            ## 联系前请准备
            1. WalletHelp 诊断结果上的**参考编号**（形如 WH-XXXX-XXXX），客服可直接看到诊断结论（个人信息已脱敏）；
            2. 出错时的提示原文或截图；
            3. 出错的大致时间和操作步骤。

            客服**绝不会**索要您的支付密码或短信验证码。需要实时协助时，客服可以请您在 WalletHelp 中生成“实时协助码”，一起查看向导步骤。
            """,
            "How do I contact customer service?",
            """
            Contact customer service for problems **you cannot fix yourself**: a risk review, a frozen account, "wallet already exists", a policy or eligibility refusal, or repeated failures after retrying.

            ## Ways to reach them
            - **Online support in the wallet app**: usually 24/7, and you can upload photos of documents;
            - **The operator's hotline**: listed in the app under Me → Help and support; only call numbers published in the app;
            - **A bank branch**: card status and the phone number reserved at the bank are handled by your bank.

            ## Have ready
            1. The **reference code** from your WalletHelp diagnosis (like WH-XXXX-XXXX): the agent sees the findings directly, with personal data masked;
            2. The exact error message or a screenshot;
            3. Roughly when it happened and what you were doing.

            Customer service will **never** ask for your payment PIN or SMS code. For live help, the agent may ask you to create a live-assist code in WalletHelp so you can walk through the wizard together.
            """),
    ];
}
